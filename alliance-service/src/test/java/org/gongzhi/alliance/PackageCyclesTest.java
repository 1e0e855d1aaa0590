package org.gongzhi.alliance;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The service's feature packages (cases, task, escalation, feed, ...) depend on each other in one direction only. */
class PackageCyclesTest {

    @Test
    void featurePackagesHaveNoCycles() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.gongzhi.alliance");

        slices().matching("org.gongzhi.alliance.(*)..").should().beFreeOfCycles().check(main);
    }
}
