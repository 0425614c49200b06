package org.copconnector.connector.testing;

import org.copconnector.plugin.session.ProductRole;
import org.copconnector.plugin.session.Session;

/** Signed-in teachers (Portuguese locale) for tests that call the services directly. */
public final class Teachers {

  private Teachers() {}

  public static Session in(
      String courseId, String courseTitle, String id, String name, ProductRole role) {
    return new Session(null, id, name, null, "pt", courseId, courseTitle, role, false, null);
  }
}
