package org.safeguarding.backbone.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Aggregates throw these types and count in this calendar: they must not drag a framework in with them. */
class KernelIsPlainJavaTest {

    @Test
    void nothingButTheCalendarsAutoConfigurationKnowsSpring() {
        noClasses().that().doNotHaveSimpleName("CalendarAutoConfiguration")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..")
                .because("rule violations and the calendar are used by decision code, which knows no framework")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.safeguarding.backbone.kernel"));
    }
}
