package com.midicenter.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * core is pure Java: it must not reach for databases, UI toolkits or javax.sound, nor for any third-party
 * library. Only the production classes of com.midicenter.core are checked.
 */
class CoreArchitectureTest {

    private static JavaClasses coreClasses;

    @BeforeAll
    static void importProductionClasses() {
        coreClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.midicenter.core");
    }

    @Test
    void coreClasses_imported_includeTheMidiPackageButNoTests() {
        // given
        JavaClasses classes = coreClasses;

        // when
        boolean hasReader = classes.contain("com.midicenter.core.midi.MidiReader");
        boolean hasTests = classes.stream().anyMatch(c -> c.getSimpleName().endsWith("Test"));

        // then
        assertThat(hasReader).isTrue();
        assertThat(hasTests).isFalse();
    }

    @Test
    void coreClasses_dependOnNoDatabaseUiOrSoundApi() {
        // given
        ArchRule rule = noClasses().that().resideInAPackage("com.midicenter.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "javax.sql..", "javax.swing..", "java.awt..", "javax.sound..")
                .because("core is pure logic; storage, UI and audio belong to other modules");

        // when / then
        rule.check(coreClasses);
    }

    @Test
    void coreClasses_dependOnlyOnJdkAndCore() {
        // given
        ArchRule rule = noClasses().that().resideInAPackage("com.midicenter.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "com.midicenter.core..")
                .because("core has no third-party runtime dependency (see the enforcer rule in core/pom.xml),"
                        + " not even on javax or other modules");

        // when / then
        rule.check(coreClasses);
    }
}
