package io.kratosflows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kratosflows.error.KratosError;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.recovery.RecoveryOutcome;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.session.LogoutOutcome;
import io.kratosflows.session.TokenExchangeOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testing.Samples;
import io.kratosflows.verification.VerificationOutcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every variant of every outcome calls its own handler method: a handler that names the method it
 * was called through must get back each variant's own name (swapping two dispatches fails here).
 */
class OutcomeHandlersTest {

    private static final KratosError ERROR = Samples.error(410, "self_service_flow_expired");
    private static final SessionToken TOKEN = SessionToken.of("ory_st_sample");

    @Test
    void login() {
        LoginOutcome.Handler<String> names = new LoginOutcome.Handler<>() {
            public String completed(LoginOutcome.Completed o) { return "completed"; }
            public String needsInput(LoginOutcome.NeedsInput o) { return "needsInput"; }
            public String codeSent(LoginOutcome.CodeSent o) { return "codeSent"; }
            public String secondFactorRequired(LoginOutcome.SecondFactorRequired o) { return "secondFactorRequired"; }
            public String flowExpired(LoginOutcome.FlowExpired o) { return "flowExpired"; }
            public String browserRequired(LoginOutcome.BrowserRequired o) { return "browserRequired"; }
            public String verificationRequired(LoginOutcome.VerificationRequired o) { return "verificationRequired"; }
            public String methodUnavailable(LoginOutcome.MethodUnavailable o) { return "methodUnavailable"; }
            public String tooManyAttempts(LoginOutcome.TooManyAttempts o) { return "tooManyAttempts"; }
            public String identityDisabled(LoginOutcome.IdentityDisabled o) { return "identityDisabled"; }
        };
        List<LoginOutcome> all = List.of(new LoginOutcome.Completed(Samples.session(), TOKEN, List.of()),
                new LoginOutcome.NeedsInput(Samples.login()), new LoginOutcome.CodeSent(Samples.login()),
                new LoginOutcome.SecondFactorRequired(Samples.session(), TOKEN), new LoginOutcome.FlowExpired(ERROR, Optional.empty()),
                new LoginOutcome.BrowserRequired("https://x", ERROR),
                new LoginOutcome.VerificationRequired(ERROR, Optional.empty(), Optional.empty()),
                new LoginOutcome.MethodUnavailable("passkey", Optional.empty()), new LoginOutcome.TooManyAttempts(Samples.login()),
                new LoginOutcome.IdentityDisabled(Optional.empty(), Optional.of(ERROR)));

        assertEquals(List.of("completed", "needsInput", "codeSent", "secondFactorRequired", "flowExpired", "browserRequired",
                "verificationRequired", "methodUnavailable", "tooManyAttempts", "identityDisabled"),
                all.stream().map(o -> o.handle(names)).toList());
    }

    @Test
    void registration() {
        RegistrationOutcome.Handler<String> names = new RegistrationOutcome.Handler<>() {
            public String completed(RegistrationOutcome.Completed o) { return "completed"; }
            public String needsInput(RegistrationOutcome.NeedsInput o) { return "needsInput"; }
            public String codeSent(RegistrationOutcome.CodeSent o) { return "codeSent"; }
            public String chooseMethod(RegistrationOutcome.ChooseMethod o) { return "chooseMethod"; }
            public String flowExpired(RegistrationOutcome.FlowExpired o) { return "flowExpired"; }
            public String browserRequired(RegistrationOutcome.BrowserRequired o) { return "browserRequired"; }
            public String methodUnavailable(RegistrationOutcome.MethodUnavailable o) { return "methodUnavailable"; }
            public String tooManyAttempts(RegistrationOutcome.TooManyAttempts o) { return "tooManyAttempts"; }
        };
        Identity identity = new Identity(IdentityId.of("1d000000-0000-4000-8000-000000000000"), "default",
                Traits.email("ada@example.org"), Optional.empty(), List.of(), List.of(), Optional.empty());
        List<RegistrationOutcome> all = List.of(
                new RegistrationOutcome.Completed(identity, Optional.empty(), Optional.empty(), List.of()),
                new RegistrationOutcome.NeedsInput(Samples.registration()), new RegistrationOutcome.CodeSent(Samples.registration()),
                new RegistrationOutcome.ChooseMethod(Samples.registration()),
                new RegistrationOutcome.FlowExpired(ERROR, Optional.empty()), new RegistrationOutcome.BrowserRequired("https://x", ERROR),
                new RegistrationOutcome.MethodUnavailable("passkey", Optional.empty()),
                new RegistrationOutcome.TooManyAttempts(Samples.registration()));

        assertEquals(List.of("completed", "needsInput", "codeSent", "chooseMethod", "flowExpired", "browserRequired",
                "methodUnavailable", "tooManyAttempts"), all.stream().map(o -> o.handle(names)).toList());
    }

    @Test
    void settings() {
        SettingsOutcome.Handler<String> names = new SettingsOutcome.Handler<>() {
            public String saved(SettingsOutcome.Saved o) { return "saved"; }
            public String needsInput(SettingsOutcome.NeedsInput o) { return "needsInput"; }
            public String refreshRequired(SettingsOutcome.RefreshRequired o) { return "refreshRequired"; }
            public String secondFactorRequired(SettingsOutcome.SecondFactorRequired o) { return "secondFactorRequired"; }
            public String flowExpired(SettingsOutcome.FlowExpired o) { return "flowExpired"; }
            public String browserRequired(SettingsOutcome.BrowserRequired o) { return "browserRequired"; }
            public String methodUnavailable(SettingsOutcome.MethodUnavailable o) { return "methodUnavailable"; }
            public String lookupSecretsShown(SettingsOutcome.LookupSecretsShown o) { return "lookupSecretsShown"; }
            public String verificationRequired(SettingsOutcome.VerificationRequired o) { return "verificationRequired"; }
        };
        List<SettingsOutcome> all = List.of(new SettingsOutcome.Saved(Samples.settings(TOKEN)),
                new SettingsOutcome.NeedsInput(Samples.settings(TOKEN)),
                new SettingsOutcome.RefreshRequired(ERROR, Optional.empty(), Optional.empty()),
                new SettingsOutcome.SecondFactorRequired(ERROR, Optional.empty()), new SettingsOutcome.FlowExpired(ERROR, Optional.empty()),
                new SettingsOutcome.BrowserRequired("https://x", ERROR), new SettingsOutcome.MethodUnavailable("oidc", Optional.empty()),
                new SettingsOutcome.LookupSecretsShown(Samples.settings(TOKEN), List.of(), true),
                new SettingsOutcome.VerificationRequired(Samples.settings(TOKEN), Samples.ID, Optional.empty()));

        assertEquals(List.of("saved", "needsInput", "refreshRequired", "secondFactorRequired", "flowExpired", "browserRequired",
                "methodUnavailable", "lookupSecretsShown", "verificationRequired"), all.stream().map(o -> o.handle(names)).toList());
    }

    @Test
    void recovery() {
        RecoveryOutcome.Handler<String> names = new RecoveryOutcome.Handler<>() {
            public String codeSent(RecoveryOutcome.CodeSent o) { return "codeSent"; }
            public String invalidCode(RecoveryOutcome.InvalidCode o) { return "invalidCode"; }
            public String recovered(RecoveryOutcome.Recovered o) { return "recovered"; }
            public String needsInput(RecoveryOutcome.NeedsInput o) { return "needsInput"; }
            public String flowExpired(RecoveryOutcome.FlowExpired o) { return "flowExpired"; }
            public String browserRequired(RecoveryOutcome.BrowserRequired o) { return "browserRequired"; }
            public String methodUnavailable(RecoveryOutcome.MethodUnavailable o) { return "methodUnavailable"; }
            public String tooManyAttempts(RecoveryOutcome.TooManyAttempts o) { return "tooManyAttempts"; }
            public String identityDisabled(RecoveryOutcome.IdentityDisabled o) { return "identityDisabled"; }
        };
        List<RecoveryOutcome> all = List.of(new RecoveryOutcome.CodeSent(Samples.recovery()),
                new RecoveryOutcome.InvalidCode(Samples.recovery()), new RecoveryOutcome.Recovered(Samples.recovery(), TOKEN, Optional.of(Samples.ID)),
                new RecoveryOutcome.NeedsInput(Samples.recovery()), new RecoveryOutcome.FlowExpired(ERROR, Optional.empty()),
                new RecoveryOutcome.BrowserRequired("https://x", ERROR, "hint"),
                new RecoveryOutcome.MethodUnavailable("code", Optional.empty()),
                new RecoveryOutcome.TooManyAttempts(ERROR, Optional.empty()), new RecoveryOutcome.IdentityDisabled(ERROR, Optional.empty()));

        assertEquals(List.of("codeSent", "invalidCode", "recovered", "needsInput", "flowExpired", "browserRequired",
                "methodUnavailable", "tooManyAttempts", "identityDisabled"), all.stream().map(o -> o.handle(names)).toList());
    }

    @Test
    void verification() {
        VerificationOutcome.Handler<String> names = new VerificationOutcome.Handler<>() {
            public String codeSent(VerificationOutcome.CodeSent o) { return "codeSent"; }
            public String invalidCode(VerificationOutcome.InvalidCode o) { return "invalidCode"; }
            public String verified(VerificationOutcome.Verified o) { return "verified"; }
            public String needsInput(VerificationOutcome.NeedsInput o) { return "needsInput"; }
            public String flowExpired(VerificationOutcome.FlowExpired o) { return "flowExpired"; }
            public String alreadyUsed(VerificationOutcome.AlreadyUsed o) { return "alreadyUsed"; }
            public String methodUnavailable(VerificationOutcome.MethodUnavailable o) { return "methodUnavailable"; }
            public String tooManyAttempts(VerificationOutcome.TooManyAttempts o) { return "tooManyAttempts"; }
        };
        List<VerificationOutcome> all = List.of(new VerificationOutcome.CodeSent(Samples.verification()),
                new VerificationOutcome.InvalidCode(Samples.verification()), new VerificationOutcome.Verified(Samples.verification()),
                new VerificationOutcome.NeedsInput(Samples.verification()),
                new VerificationOutcome.FlowExpired(Optional.empty(), Optional.empty()),
                new VerificationOutcome.AlreadyUsed(ERROR, Optional.empty()),
                new VerificationOutcome.MethodUnavailable("code", Optional.empty()),
                new VerificationOutcome.TooManyAttempts(ERROR, Optional.empty()));

        assertEquals(List.of("codeSent", "invalidCode", "verified", "needsInput", "flowExpired", "alreadyUsed",
                "methodUnavailable", "tooManyAttempts"), all.stream().map(o -> o.handle(names)).toList());
    }

    @Test
    void sessions() {
        WhoamiOutcome.Handler<String> whoami = new WhoamiOutcome.Handler<>() {
            public String active(WhoamiOutcome.Active o) { return "active"; }
            public String notSignedIn(WhoamiOutcome.NotSignedIn o) { return "notSignedIn"; }
            public String secondFactorRequired(WhoamiOutcome.SecondFactorRequired o) { return "secondFactorRequired"; }
        };
        LogoutOutcome.Handler<String> logout = new LogoutOutcome.Handler<>() {
            public String loggedOut(LogoutOutcome.LoggedOut o) { return "loggedOut"; }
            public String sessionNotFound(LogoutOutcome.SessionNotFound o) { return "sessionNotFound"; }
        };
        TokenExchangeOutcome.Handler<String> exchange = new TokenExchangeOutcome.Handler<>() {
            public String exchanged(TokenExchangeOutcome.Exchanged o) { return "exchanged"; }
            public String rejected(TokenExchangeOutcome.Rejected o) { return "rejected"; }
            public String loginFailed(TokenExchangeOutcome.LoginFailed o) { return "loginFailed"; }
            public String registrationFailed(TokenExchangeOutcome.RegistrationFailed o) { return "registrationFailed"; }
        };

        assertEquals(List.of("active", "notSignedIn", "secondFactorRequired"), List.<WhoamiOutcome>of(
                new WhoamiOutcome.Active(Samples.session()), new WhoamiOutcome.NotSignedIn(ERROR),
                new WhoamiOutcome.SecondFactorRequired(ERROR, Optional.empty())).stream().map(o -> o.handle(whoami)).toList());
        assertEquals(List.of("loggedOut", "sessionNotFound"), List.<LogoutOutcome>of(new LogoutOutcome.LoggedOut(),
                new LogoutOutcome.SessionNotFound(ERROR)).stream().map(o -> o.handle(logout)).toList());
        assertEquals(List.of("exchanged", "rejected", "loginFailed", "registrationFailed"), List.<TokenExchangeOutcome>of(
                new TokenExchangeOutcome.Exchanged(Samples.session(), TOKEN), new TokenExchangeOutcome.Rejected(ERROR),
                new TokenExchangeOutcome.LoginFailed(Samples.login()), new TokenExchangeOutcome.RegistrationFailed(Samples.registration()))
                .stream().map(o -> o.handle(exchange)).toList());
    }
}
