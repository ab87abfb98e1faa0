package io.kratosflows;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tiers, enforced: public API ({@code io.kratosflows.*}) → internal ({@code io.kratosflows.internal})
 * → generated ({@code io.kratosflows.generated}), never back; no generated type in the public API.
 */
class ArchitectureTest {

    private static final String[] PUBLIC_API = {"io.kratosflows", "io.kratosflows.login", "io.kratosflows.registration",
            "io.kratosflows.settings", "io.kratosflows.recovery", "io.kratosflows.verification", "io.kratosflows.session",
            "io.kratosflows.ui", "io.kratosflows.error", "io.kratosflows.validation", "io.kratosflows.passkey"};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kratosflows");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void thePublicApiNeverMentionsAGeneratedType() {
        check(noClasses().that().resideInAnyPackage(PUBLIC_API).should().dependOnClassesThat()
                .resideInAPackage("io.kratosflows.generated..")
                .because("the generated client changes with every Kratos spec; users must never see it"));
    }

    @Test
    void thePublicApiReachesTheInternalsOnlyThroughKratosConnect() {
        check(noClasses().that().resideInAnyPackage(PUBLIC_API).and().doNotHaveFullyQualifiedName("io.kratosflows.Kratos")
                .should().dependOnClassesThat().resideInAPackage("io.kratosflows.internal.."));
    }

    @Test
    void theInternalPackageHasOneEntryPoint() {
        check(classes().that().resideInAPackage("io.kratosflows.internal").and().doNotHaveSimpleName("DefaultKratos")
                .and().areTopLevelClasses().should().notHaveModifier(JavaModifier.PUBLIC));
    }

    @Test
    void generatedCodeNeverDependsOnTheLibrary() {
        check(noClasses().that().resideInAPackage("io.kratosflows.generated..").should().dependOnClassesThat()
                .resideInAnyPackage(PUBLIC_API).orShould().dependOnClassesThat().resideInAPackage("io.kratosflows.internal.."));
    }

    @Test
    void onlyTheTransportTalksHttp() {
        check(noClasses().that().resideInAPackage("io.kratosflows.internal").and().doNotHaveSimpleName("Transport")
                .should().dependOnClassesThat().resideInAPackage("org.apache.hc..")
                .because("one class owns the HTTP stack: redirects, cookies, limits and deadlines are set in one place"));
    }
}
