package io.kratosflows.internal;

import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosException;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.recovery.RecoveryFlow;
import io.kratosflows.registration.RegistrationFlow;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.testing.Samples;
import io.kratosflows.verification.VerificationFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every response dispatcher of the library, as one list: each start/fetch reader and each step's
 * {@code outcome(...)}, with the flows and methods a submission can come from. The fuzz harness and
 * the fault tests feed them hostile responses; only an outcome or a {@link KratosException} may
 * come out, and whatever comes out must print.
 */
final class Dispatchers {

    private static final SessionToken TOKEN = SessionToken.of("ory_st_fuzz");

    /** One dispatcher: a name for reports and the function from a response to whatever it returns. */
    record Dispatcher(String name, Function<KratosResponse, Object> dispatch) {
    }

    private Dispatchers() {
    }

    /** {@return every dispatcher, each over an empty-UI flow and a recorded flow} */
    static List<Dispatcher> all() {
        List<Dispatcher> all = new ArrayList<>();
        all.add(new Dispatcher("login start", r -> FlowAnswers.flow("login", r, f -> FlowReader.login(f, Optional.empty()))));
        all.add(new Dispatcher("registration start", r -> FlowAnswers.flow("registration", r, FlowReader::registration)));
        all.add(new Dispatcher("settings start", r -> FlowAnswers.flow("settings", r, f -> FlowReader.settings(f, TOKEN))));
        all.add(new Dispatcher("recovery start", r -> FlowAnswers.flow("recovery", r, FlowReader::recovery)));
        all.add(new Dispatcher("verification start", r -> FlowAnswers.flow("verification", r, FlowReader::verification)));
        all.add(new Dispatcher("whoami", ToSessionStep::outcome));
        all.add(new Dispatcher("logout", PerformNativeLogoutStep::outcome));
        all.add(new Dispatcher("token exchange", ExchangeSessionTokenStep::outcome));
        all.add(new Dispatcher("rate limit", r -> RateLimits.exception("call", r)));
        all.add(new Dispatcher("error", KratosResponse::error));
        for (LoginFlow flow : List.of(Samples.login(), recordedLogin())) {
            for (String method : List.of("password", "code", "oidc", "totp")) {
                all.add(new Dispatcher("login " + method, r -> UpdateLoginFlowStep.outcome(r, flow, method)));
            }
        }
        for (RegistrationFlow flow : List.of(Samples.registration(), recordedRegistration())) {
            for (String method : List.of("password", "profile", "code")) {
                all.add(new Dispatcher("registration " + method, r -> UpdateRegistrationFlowStep.outcome(r, flow, method)));
            }
        }
        for (SettingsFlow flow : List.of(Samples.settings(TOKEN), recordedSettings())) {
            for (SettingsMethod method : List.of(new SettingsMethod.Password(io.kratosflows.Secret.of("new-password-1")),
                    SettingsMethod.Totp.unlinkApp(), SettingsMethod.LookupSecret.regenerate(), SettingsMethod.LookupSecret.reveal())) {
                all.add(new Dispatcher("settings " + method.method(), r -> UpdateSettingsFlowStep.outcome(r, flow, method)));
            }
        }
        for (RecoveryFlow flow : List.of(Samples.recovery(), recordedRecovery())) {
            all.add(new Dispatcher("recovery code", r -> UpdateRecoveryFlowStep.outcome(r, flow, "code")));
        }
        for (VerificationFlow flow : List.of(Samples.verification(), recordedVerification())) {
            all.add(new Dispatcher("verification code", r -> UpdateVerificationFlowStep.outcome(r, flow, "code")));
        }
        return List.copyOf(all);
    }

    /**
     * Runs one dispatcher and renders what it gives, as a caller logging it would.
     *
     * @return the outcome or the library's exception, rendered
     * @throws RuntimeException anything else: a defect
     */
    static String run(Dispatcher dispatcher, KratosResponse response) {
        try {
            Object outcome = dispatcher.dispatch().apply(response);
            return String.valueOf(outcome);
        } catch (KratosException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static LoginFlow recordedLogin() {
        return FlowAnswers.flow("login", Wire.recorded("login/create.200.json"), f -> FlowReader.login(f, Optional.empty()));
    }

    private static RegistrationFlow recordedRegistration() {
        return FlowAnswers.flow("registration", Wire.recorded("registration/create.200.json"), FlowReader::registration);
    }

    private static SettingsFlow recordedSettings() {
        return FlowAnswers.flow("settings", Wire.recorded("settings/create.200.json"), f -> FlowReader.settings(f, TOKEN));
    }

    private static RecoveryFlow recordedRecovery() {
        return FlowAnswers.flow("recovery", Wire.recorded("recovery/create.200.json"), FlowReader::recovery);
    }

    private static VerificationFlow recordedVerification() {
        return FlowAnswers.flow("verification", Wire.recorded("verification/create.200.json"), FlowReader::verification);
    }
}
