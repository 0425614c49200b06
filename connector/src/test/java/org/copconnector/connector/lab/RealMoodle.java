package org.copconnector.connector.lab;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The real-Moodle tier: runs when {@code scripts/test.sh} stood up the lab (it sets {@code
 * MOODLE_LAB_DIR}); skipped otherwise, and test.sh says so in one line.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("real-moodle")
@EnabledIfEnvironmentVariable(named = "MOODLE_LAB_DIR", matches = ".+")
public @interface RealMoodle {}
