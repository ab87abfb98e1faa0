package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.recovery.RecoveryOutcome;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testing.Samples;
import io.kratosflows.verification.VerificationOutcome;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outcomes that must tell the truth on every Kratos line, from bodies recorded on v26.2.0, v25.4.0,
 * v1.3.1 and the development line after v26.2.0 ({@code dev}): what an app tells its user depends on them.
 */
class RecordedAcrossVersionsTest {

    private static final SessionToken TOKEN = SessionToken.of("ory_st_settings");

    private static SettingsOutcome settings(String version, String fixture, SettingsMethod method) {
        return UpdateSettingsFlowStep.outcome(Wire.recorded(version, fixture), Samples.settings(TOKEN), method);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v26.2.0", "v25.4.0", "v1.3.1", "dev"})
    void regeneratedBackupCodesAreShownAndNeedConfirmingNotSaved(String version) {
        var shown = assertInstanceOf(SettingsOutcome.LookupSecretsShown.class,
                settings(version, "settings/lookup-regenerate.200.json", SettingsMethod.LookupSecret.regenerate()));

        assertTrue(shown.confirmationRequired());
        assertEquals(12, shown.codes().size());
        assertEquals(shown.flow().lookupSecrets(), shown.codes());
        assertTrue(shown.codes().stream().noneMatch(c -> c.reveal().startsWith("Secret was used")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v26.2.0", "v25.4.0", "v1.3.1", "dev"})
    void confirmingSavesAndRevealingOnlyShows(String version) {
        assertInstanceOf(SettingsOutcome.Saved.class,
                settings(version, "settings/lookup-confirm.200.json", SettingsMethod.LookupSecret.confirm()));
        for (String fixture : new String[] {"settings/lookup-reveal-new-flow.200.json", "settings/lookup-reveal-same-flow.200.json"}) {
            var shown = assertInstanceOf(SettingsOutcome.LookupSecretsShown.class,
                    settings(version, fixture, SettingsMethod.LookupSecret.reveal()), fixture);
            assertFalse(shown.confirmationRequired(), fixture);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v26.2.0", "v25.4.0", "v1.3.1", "dev"})
    void aUsedBackupCodeIsReportedAsUsedNotAsACode(String version) {
        var shown = assertInstanceOf(SettingsOutcome.LookupSecretsShown.class,
                settings(version, "settings/lookup-reveal-after-one-used.200.json", SettingsMethod.LookupSecret.reveal()));

        assertEquals(11, shown.codes().size());
        assertEquals(1, shown.flow().usedLookupSecrets().size());
        assertTrue(shown.flow().usedLookupSecrets().get(0).isBefore(Instant.now()));
        assertTrue(shown.codes().stream().map(Secret::reveal).allMatch(c -> c.matches("[a-z0-9]{8}")), shown.codes().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v26.2.0", "v25.4.0", "v1.3.1", "dev"})
    void theSixthWrongVerificationCodeIsTooManyAttemptsNotAlreadyVerified(String version) {
        var tooMany = assertInstanceOf(VerificationOutcome.TooManyAttempts.class, UpdateVerificationFlowStep.outcome(
                Wire.recorded(version, "verification/too-many-attempt-6.410.json"), Samples.verification(Optional.of("sent_email")), "code"));
        assertTrue(tooMany.replacement().isPresent());

        assertInstanceOf(VerificationOutcome.AlreadyUsed.class, UpdateVerificationFlowStep.outcome(
                Wire.recorded(version, "verification/passed-submit-again.410.json"), Samples.verification(Optional.of("passed_challenge")),
                "code"));
        assertInstanceOf(VerificationOutcome.AlreadyUsed.class, UpdateVerificationFlowStep.outcome(
                Wire.recorded(version, "verification/passed-submit-again.410.json"), Samples.verification(), "code"),
                "without the submitted state, Kratos's reason tells them apart");
        assertInstanceOf(VerificationOutcome.TooManyAttempts.class, UpdateVerificationFlowStep.outcome(
                Wire.recorded(version, "verification/too-many-attempt-6.410.json"), Samples.verification(), "code"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v26.2.0", "v25.4.0", "v1.3.1", "dev"})
    void theSixthWrongLoginRegistrationOrRecoveryCodeIsTooManyAttempts(String version) {
        assertInstanceOf(LoginOutcome.TooManyAttempts.class, UpdateLoginFlowStep.outcome(
                Wire.recorded(version, "login/too-many-attempt-6.400.json"), Samples.login(), "code"));
        assertInstanceOf(LoginOutcome.NeedsInput.class, UpdateLoginFlowStep.outcome(
                Wire.recorded(version, "login/too-many-attempt-5.400.json"), Samples.login(), "code"), "the fifth is still a wrong code");
        assertInstanceOf(RegistrationOutcome.TooManyAttempts.class, UpdateRegistrationFlowStep.outcome(
                Wire.recorded(version, "registration/too-many-attempt-6.400.json"), Samples.registration(), "code"));
        var recovery = assertInstanceOf(RecoveryOutcome.TooManyAttempts.class, UpdateRecoveryFlowStep.outcome(
                Wire.recorded(version, "recovery/too-many-attempt-6.400.json"), Samples.recovery(), "code"));
        assertTrue(recovery.replacement().isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v26.2.0", "v25.4.0", "v1.3.1"})
    void anExpiredRefreshFlowSubmittedWithItsTokenIsExpired(String version) {
        var expired = assertInstanceOf(LoginOutcome.FlowExpired.class, UpdateLoginFlowStep.outcome(
                Wire.recorded(version, "login/refresh-expired-submit-with-token.400.json"),
                Samples.loginExpiredAt(Instant.now().minusSeconds(5), TOKEN), "password"));
        assertTrue(expired.replacement().isEmpty());
        assertTrue(expired.expiredAt().isPresent());

        assertInstanceOf(LoginOutcome.NeedsInput.class, UpdateLoginFlowStep.outcome(
                Wire.recorded(version, "login/refresh-expired-submit-with-token.400.json"),
                Samples.loginExpiredAt(Instant.now().plusSeconds(600), TOKEN), "password"), "a flow that has not expired");

        var gone = assertInstanceOf(LoginOutcome.FlowExpired.class, UpdateLoginFlowStep.outcome(
                Wire.recorded(version, "login/refresh-expired-submit-without-token.410.json"), Samples.login(), "password"));
        assertTrue(gone.replacement().isPresent());
        assertTrue(gone.expiredAt().isPresent(), "expired_at");
        assertTrue(gone.since().orElseThrow().toMillis() > 0, "since");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v26.2.0", "v25.4.0", "v1.3.1", "dev"})
    void unlinkingAProviderIsSavedWhereKratosSavedIt(String version) {
        // Kratos removes the link on every version (recorded through the admin API), also where native
        // settings flows do not offer oidc (v25.4.0, v1.3.1): there the library refuses before sending.
        assertInstanceOf(SettingsOutcome.Saved.class,
                settings(version, "settings/oidc-unlink-github.200.json", SettingsMethod.Oidc.unlink("github")));
    }
}
