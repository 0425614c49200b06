package org.copconnector.plugin.web;

import java.util.Collection;
import java.util.List;

/** The sites whose pages may show the connector's pages in a frame: the LMS platforms. */
@FunctionalInterface
public interface FrameAncestors {

  /** No site but the connector itself. */
  FrameAncestors NONE = List::of;

  /** Origins such as {@code https://moodle.example.org}, besides the connector's own. */
  Collection<String> origins();
}
