package io.kratosflows.internal;

import io.kratosflows.Aal;
import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.registration.RegistrationFlow;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.ui.Ui;
import java.util.List;
import java.util.Optional;

/** Submitted flows for dispatcher tests: the dispatchers only read their token and offered methods. */
final class Flows {

    static final FlowId ID = FlowId.of("00000000-0000-4000-8000-000000000000");
    private static final Ui EMPTY = new Ui("http://127.0.0.1:4433/self-service/x?flow=" + ID, "POST", List.of(), List.of());

    private Flows() {
    }

    static LoginFlow login() {
        return login(Optional.empty());
    }

    static LoginFlow login(Optional<SessionToken> token) {
        return new LoginFlow(ID, "api", Optional.empty(), false, Aal.AAL1, Optional.empty(), Optional.empty(), EMPTY,
                Optional.empty(), Optional.empty(), token);
    }

    static RegistrationFlow registration() {
        return new RegistrationFlow(ID, "api", Optional.empty(), Optional.empty(), Optional.empty(), EMPTY, Optional.empty(),
                Optional.empty());
    }

    static SettingsFlow settings(SessionToken token) {
        return new SettingsFlow(ID, "api", Optional.empty(), Optional.empty(), Optional.empty(), EMPTY, Optional.empty(),
                List.of(), token);
    }
}
