package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.recovery.RecoveryOutcome;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.session.TokenExchangeOutcome;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testing.Samples;
import io.kratosflows.Traits;
import io.kratosflows.verification.VerificationOutcome;
import org.junit.jupiter.api.Test;

/**
 * What a native client sees from Kratos's development line after v26.2.0 (recorded from a build of
 * it, {@code fixtures/dev}), and the v26.2.0 answers to the same situations: every one is a typed
 * outcome, none an {@code UnexpectedResponseException}.
 */
class DevelopmentLineTest {

    @Test
    void aDisabledIdentityIsSaidSoOnLoginByEveryVersion() {
        var password = assertInstanceOf(LoginOutcome.IdentityDisabled.class, UpdateLoginFlowStep.outcome(
                Wire.recorded("dev", "login/identity-disabled-submit-password.400.json"), Samples.login(), "password"));
        assertTrue(password.flow().orElseThrow().ui().hasMessage(4010011));

        var code = assertInstanceOf(LoginOutcome.IdentityDisabled.class, UpdateLoginFlowStep.outcome(
                Wire.recorded("dev", "login/identity-disabled-submit-code.400.json"), Samples.login(), "code"));
        assertEquals("passed_challenge", code.flow().orElseThrow().state().orElseThrow(), "passed_challenge, yet no session");

        var v26 = assertInstanceOf(LoginOutcome.IdentityDisabled.class, UpdateLoginFlowStep.outcome(
                Wire.recorded("login/identity-disabled-submit-password.401.json"), Samples.login(), "password"));
        assertEquals(401, v26.error().orElseThrow().status());
    }

    @Test
    void aDisabledIdentityIsSaidSoOnRecoveryByEveryVersion() {
        var dev = assertInstanceOf(RecoveryOutcome.IdentityDisabled.class, UpdateRecoveryFlowStep.outcome(
                Wire.recorded("dev", "recovery/identity-disabled-submit-code.400.json"), Samples.recovery(), "code"));
        assertTrue(dev.error().is("identity_disabled"));
        assertTrue(dev.replacement().isPresent());

        assertInstanceOf(RecoveryOutcome.IdentityDisabled.class, UpdateRecoveryFlowStep.outcome(
                Wire.recorded("recovery/identity-disabled-submit-code.401.json"), Samples.recovery(), "code"));
    }

    @Test
    void aFailedBrowserSignInComesBackAsTheFlowOnTheExchange() {
        var login = assertInstanceOf(TokenExchangeOutcome.LoginFailed.class,
                ExchangeSessionTokenStep.outcome(Wire.recorded("dev", "session/token-exchange-after-login-error.422.json")));
        assertTrue(login.flow().ui().hasMessage(4000001));

        var registration = assertInstanceOf(TokenExchangeOutcome.RegistrationFailed.class,
                ExchangeSessionTokenStep.outcome(Wire.recorded("dev", "session/token-exchange-after-registration-error.422.json")));
        assertTrue(registration.flow().ui().hasMessage(4000001));
    }

    @Test
    void anAddressChangeHeldBackForVerificationIsNotSaved() {
        SettingsMethod change = new SettingsMethod.Profile(Traits.email("new@example.org"));
        var held = assertInstanceOf(SettingsOutcome.VerificationRequired.class, UpdateSettingsFlowStep.outcome(
                Wire.recorded("dev", "settings/verify-new-address-submit-profile.200.json"),
                Samples.settings(SessionToken.of("ory_st_x")), change));
        assertTrue(held.address().orElseThrow().startsWith("new-vna-"));

        assertInstanceOf(SettingsOutcome.NeedsInput.class, UpdateSettingsFlowStep.outcome(
                Wire.recorded("dev", "settings/verify-new-address-submit-taken-address.400.json"),
                Samples.settings(SessionToken.of("ory_st_x")), change));
        assertInstanceOf(SettingsOutcome.NeedsInput.class, UpdateSettingsFlowStep.outcome(
                Wire.recorded("dev", "derived/settings/verify-new-address-too-many-address-changes.200.json"),
                Samples.settings(SessionToken.of("ory_st_x")), change), "derived body: two addresses changed at once");
    }

    @Test
    void anExpiredCodeIsAWrongCodeOnTheDevelopmentLineAndAnExpiryOnV26() {
        assertTrue(assertInstanceOf(LoginOutcome.NeedsInput.class, UpdateLoginFlowStep.outcome(
                Wire.recorded("dev", "login/expired-code-submit.400.json"), Samples.login(), "code")).flow().ui().hasMessage(4010008));
        assertTrue(assertInstanceOf(RegistrationOutcome.NeedsInput.class, UpdateRegistrationFlowStep.outcome(
                Wire.recorded("dev", "registration/expired-code-submit.400.json"), Samples.registration(), "code"))
                .flow().ui().hasMessage(4040003));
        assertInstanceOf(VerificationOutcome.InvalidCode.class, UpdateVerificationFlowStep.outcome(
                Wire.recorded("dev", "verification/expired-code-submit.200.json"), Samples.verification(), "code"));

        var v26 = assertInstanceOf(LoginOutcome.FlowExpired.class, UpdateLoginFlowStep.outcome(
                Wire.recorded("login/expired-code-submit.410.json"), Samples.login(), "code"));
        assertTrue(v26.expiredAt().isPresent() && v26.replacement().isPresent());
    }

    @Test
    void aRecoveryThatSkipsSettingsStillHandsOverTheSession() {
        var recovered = assertInstanceOf(RecoveryOutcome.Recovered.class, UpdateRecoveryFlowStep.outcome(
                Wire.recorded("dev", "recovery/skip-settings-submit-code.200.json"), Samples.recovery(), "code"));

        assertTrue(recovered.settingsFlow().isEmpty());
        assertTrue(recovered.token().reveal().startsWith("ory_st_"));
    }

    @Test
    void theNewCodeSentMessageOfARefreshLoginIsCodeSent() {
        assertInstanceOf(LoginOutcome.CodeSent.class, UpdateLoginFlowStep.outcome(
                Wire.recorded("dev", "login/code-refresh-submit-send.400.json"), Samples.login(), "code"));
    }
}
