package org.copconnector.plugin.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The length a text of a request record may have (each text, for a list of them), and for a list
 * how many entries it may hold; checked once the record is built, so on the value it keeps. Every
 * bound is at most the width of the column the value is stored in, a list's bounds included when
 * its entries are stored joined in one column.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Length {
  int min() default 0;

  int max();

  /** For a list: the most entries it may hold. */
  int entries() default Integer.MAX_VALUE;

  /**
   * The refusal's reason when it is more specific than a text's length ({@code title_length});
   * empty for the general one.
   */
  String reason() default "";
}
