package org.copconnector.plugin.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The plugin owns its ports: it must not know the Moodle adapter, the HTTP client or the servlet
 * container.
 */
class PluginBoundariesTest {

  private final JavaClasses plugin =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.copconnector.plugin");

  @Test
  void pluginDoesNotDependOnTheConnectorOrItsLibraries() {
    noClasses()
        .that()
        .resideInAPackage("org.copconnector.plugin..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.copconnector.connector..", "okhttp3..", "org.eclipse.jetty..")
        .check(plugin);
  }
}
