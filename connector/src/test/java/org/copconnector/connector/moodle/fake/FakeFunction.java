package org.copconnector.connector.moodle.fake;

import com.google.gson.JsonElement;

/**
 * One web-service function of the stand-in: parameters in, Moodle's JSON answer out (or a {@link
 * FakeMoodleError}).
 */
@FunctionalInterface
interface FakeFunction {
  JsonElement call(FormParams params);
}
