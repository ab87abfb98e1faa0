package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.FlowId;
import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.recovery.RecoveryMethod;
import io.kratosflows.recovery.RecoveryOutcome;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOptions;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.session.LogoutOutcome;
import io.kratosflows.session.TokenExchangeOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testing.FakeKratos;
import io.kratosflows.testing.Samples;
import io.kratosflows.verification.VerificationMethod;
import io.kratosflows.verification.VerificationOutcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public flow methods against a replaying server: which operation each one calls (method, path,
 * query, token), and that restart fetches the replacement when Kratos named one and starts anew otherwise.
 */
class DefaultFlowsTest {

    private static final SessionToken TOKEN = SessionToken.of("ory_st_default");
    private static final FlowId NEXT = FlowId.of("11111111-0000-4000-8000-000000000000");

    private FakeKratos server;
    private Kratos kratos;

    @BeforeEach
    void connect() throws Exception {
        server = new FakeKratos();
        kratos = Kratos.connect(KratosConfig.builder().publicUrl(server.url()).build());
    }

    @AfterEach
    void close() {
        kratos.close();
        server.close();
    }

    private static FlowId id(String fixture) {
        return FlowId.of(Wire.recorded(fixture).json().path("id").asText());
    }

    /** {@return each request as "METHOD path?query token"} (fetching a login flow sends no token: the flow record keeps it) */
    private List<String> sent() {
        return server.requests().stream().map(r -> r.method() + " " + r.path() + (r.query() == null ? "" : "?" + r.query())
                + (r.header("X-Session-Token") == null ? "" : " " + r.header("X-Session-Token"))).toList();
    }

    @Test
    void theClientHasOneViewPerFlowAndNamesItsServer() {
        assertInstanceOf(DefaultLoginFlows.class, kratos.login());
        assertInstanceOf(DefaultRegistrationFlows.class, kratos.registration());
        assertInstanceOf(DefaultSettingsFlows.class, kratos.settings());
        assertInstanceOf(DefaultRecoveryFlows.class, kratos.recovery());
        assertInstanceOf(DefaultVerificationFlows.class, kratos.verification());
        assertInstanceOf(DefaultSessions.class, kratos.sessions());
        assertEquals(server.url(), kratos.config().publicUrl().toString());
        assertEquals("Kratos[" + server.url() + "]", kratos.toString());
    }

    @Test
    void aClosedClientMakesNoMoreCalls() {
        kratos.close();

        assertThrows(RuntimeException.class, () -> kratos.sessions().whoami(TOKEN));
        assertEquals(List.of(), server.requests());
    }

    @Test
    void login() {
        server.respond("login/create.200.json").respond("login/create-refresh.200.json").respond("login/fetch.200.json")
                .respond("login/create-refresh.200.json").respond("login/submit-password-success.200.json")
                .respond("login/fetch.200.json").respond("login/create.200.json")
                .respond("login/create-refresh.200.json").respond("login/create-refresh.200.json");
        var login = kratos.login();

        assertTrue(login.start().ui().nodes().size() > 0);
        assertEquals(Optional.of(TOKEN), login.start(LoginOptions.refresh(TOKEN)).sessionToken());
        login.fetch(Samples.ID);
        assertEquals(Optional.of(TOKEN), login.fetch(Samples.ID, TOKEN).sessionToken());
        assertInstanceOf(LoginOutcome.Completed.class, login.submit(Samples.login(), new LoginMethod.Password("a@b.org", Secret.of("pw"))));
        assertEquals(id("login/fetch.200.json"), login.restart(new LoginOutcome.FlowExpired(Samples.error(410, "x"), Optional.of(NEXT))).id());
        assertEquals(id("login/create.200.json"), login.restart(new LoginOutcome.FlowExpired(Samples.error(410, "x"), Optional.empty())).id());
        assertEquals(Optional.of(TOKEN), login.restart(new LoginOutcome.FlowExpired(Samples.error(410, "x"), Optional.of(NEXT)),
                LoginOptions.refresh(TOKEN)).sessionToken());
        assertEquals(Optional.of(TOKEN), login.restart(new LoginOutcome.FlowExpired(Samples.error(410, "x"), Optional.empty()),
                LoginOptions.refresh(TOKEN)).sessionToken());

        assertEquals(List.of("GET /self-service/login/api", "GET /self-service/login/api?refresh=true " + TOKEN.reveal(),
                "GET /self-service/login/flows?id=" + Samples.ID, "GET /self-service/login/flows?id=" + Samples.ID,
                "POST /self-service/login?flow=" + Samples.ID, "GET /self-service/login/flows?id=" + NEXT, "GET /self-service/login/api",
                "GET /self-service/login/flows?id=" + NEXT, "GET /self-service/login/api?refresh=true " + TOKEN.reveal()),
                sent());
    }

    @Test
    void registration() {
        server.respond("registration/create.200.json").respond("registration/create.200.json").respond("registration/create.200.json")
                .respond("registration/submit-password-success.200.json").respond("registration/create.200.json")
                .respond("registration/create.200.json");
        var registration = kratos.registration();

        registration.start();
        registration.start(RegistrationOptions.defaults().withReturnTo("https://app"));
        registration.fetch(Samples.ID);
        assertInstanceOf(RegistrationOutcome.Completed.class, registration.submit(Samples.registration(),
                new RegistrationMethod.Password(io.kratosflows.Traits.email("a@b.org"), Secret.of("pw"))));
        registration.restart(new RegistrationOutcome.FlowExpired(Samples.error(410, "x"), Optional.of(NEXT)));
        assertTrue(registration.restart(new RegistrationOutcome.FlowExpired(Samples.error(410, "x"), Optional.empty())).methods()
                .contains("password"));

        assertEquals(List.of("GET /self-service/registration/api", "GET /self-service/registration/api?return_to=https%3A%2F%2Fapp",
                "GET /self-service/registration/flows?id=" + Samples.ID, "POST /self-service/registration?flow=" + Samples.ID,
                "GET /self-service/registration/flows?id=" + NEXT, "GET /self-service/registration/api"), sent());
    }

    @Test
    void settings() {
        server.respond("settings/create.200.json").respond("settings/create.200.json").respond("settings/submit-password-success.200.json")
                .respond("settings/submit-password-success.200.json").respond("settings/create.200.json").respond("settings/create.200.json");
        var settings = kratos.settings();

        assertEquals(TOKEN, settings.start(TOKEN).sessionToken());
        assertEquals(TOKEN, settings.fetch(Samples.ID, TOKEN).sessionToken());
        assertInstanceOf(SettingsOutcome.Saved.class, settings.submit(Samples.settings(TOKEN), new SettingsMethod.Password(Secret.of("pw"))));
        assertInstanceOf(SettingsOutcome.Saved.class, settings.submitReauthenticating(Samples.settings(TOKEN),
                new SettingsMethod.Password(Secret.of("pw")), flow -> new LoginMethod.Password("a@b.org", Secret.of("old"))));
        assertEquals(TOKEN, settings.restart(new SettingsOutcome.FlowExpired(Samples.error(410, "x"), Optional.of(NEXT)), TOKEN).sessionToken());
        assertEquals(TOKEN, settings.restart(new SettingsOutcome.FlowExpired(Samples.error(410, "x"), Optional.empty()), TOKEN).sessionToken());

        String token = " " + TOKEN.reveal();
        assertEquals(List.of("GET /self-service/settings/api" + token, "GET /self-service/settings/flows?id=" + Samples.ID + token,
                "POST /self-service/settings?flow=" + Samples.ID + token, "POST /self-service/settings?flow=" + Samples.ID + token,
                "GET /self-service/settings/flows?id=" + NEXT + token, "GET /self-service/settings/api" + token), sent());
    }

    @Test
    void recoveryAndVerification() {
        server.respond("recovery/create.200.json").respond("recovery/create.200.json").respond("recovery/submit-email-code-sent.200.json")
                .respond("recovery/create.200.json").respond("recovery/create.200.json")
                .respond("verification/create.200.json").respond("verification/create.200.json")
                .respond("verification/submit-email-code-sent.200.json").respond("verification/create.200.json")
                .respond("verification/create.200.json");

        var recovery = kratos.recovery();
        FlowId recoveryId = id("recovery/create.200.json");
        assertEquals(recoveryId, recovery.start().id());
        assertEquals(recoveryId, recovery.fetch(Samples.ID).id());
        assertInstanceOf(RecoveryOutcome.CodeSent.class, recovery.submit(Samples.recovery(), RecoveryMethod.Code.request("a@b.org")));
        assertEquals(recoveryId, recovery.restart(new RecoveryOutcome.FlowExpired(Samples.error(410, "x"), Optional.of(NEXT))).id());
        assertEquals(recoveryId, recovery.restart(new RecoveryOutcome.FlowExpired(Samples.error(410, "x"), Optional.empty())).id());
        var verification = kratos.verification();
        verification.start();
        verification.fetch(Samples.ID);
        assertInstanceOf(VerificationOutcome.CodeSent.class,
                verification.submit(Samples.verification(), VerificationMethod.Code.request("a@b.org")));
        verification.restart(new VerificationOutcome.FlowExpired(Optional.empty(), Optional.of(NEXT)));
        assertTrue(verification.restart(new VerificationOutcome.FlowExpired(Optional.empty(), Optional.empty())).ui().nodes().size() > 0);

        assertEquals(List.of("GET /self-service/recovery/api", "GET /self-service/recovery/flows?id=" + Samples.ID,
                "POST /self-service/recovery?flow=" + Samples.ID, "GET /self-service/recovery/flows?id=" + NEXT, "GET /self-service/recovery/api",
                "GET /self-service/verification/api", "GET /self-service/verification/flows?id=" + Samples.ID,
                "POST /self-service/verification?flow=" + Samples.ID, "GET /self-service/verification/flows?id=" + NEXT,
                "GET /self-service/verification/api"), sent());
    }

    @Test
    void sessions() {
        server.respond("session/whoami.200.json").respond(204, "").respond("session/token-exchange-unknown.404.json");

        assertInstanceOf(WhoamiOutcome.Active.class, kratos.sessions().whoami(TOKEN));
        assertInstanceOf(LogoutOutcome.LoggedOut.class, kratos.sessions().logout(TOKEN));
        assertInstanceOf(TokenExchangeOutcome.Rejected.class, kratos.sessions().exchangeToken(Secret.of("i"), Secret.of("r")));

        assertEquals(List.of("GET /sessions/whoami " + TOKEN.reveal(), "DELETE /self-service/logout/api",
                "GET /sessions/token-exchange?init_code=i&return_to_code=r"), sent());
    }

    @Test
    void requiredArgumentsAreCheckedBeforeAnyCall() {
        assertThrows(NullPointerException.class, () -> kratos.login().start(null));
        assertThrows(NullPointerException.class, () -> kratos.login().fetch(null));
        assertThrows(NullPointerException.class, () -> kratos.login().fetch(Samples.ID, null));
        assertThrows(NullPointerException.class, () -> kratos.login().restart((LoginOutcome.FlowExpired) null));
        assertThrows(NullPointerException.class, () -> kratos.login().restart((LoginOutcome.FlowExpired) null, LoginOptions.defaults()));
        assertThrows(NullPointerException.class, () -> kratos.registration().start(null));
        assertThrows(NullPointerException.class, () -> kratos.registration().fetch(null));
        assertThrows(NullPointerException.class, () -> kratos.registration().restart((RegistrationOutcome.FlowExpired) null));
        assertThrows(NullPointerException.class, () -> kratos.settings().start(null));
        assertThrows(NullPointerException.class, () -> kratos.settings().fetch(Samples.ID, null));
        assertThrows(NullPointerException.class, () -> kratos.settings().restart(null, TOKEN));
        assertThrows(NullPointerException.class, () -> kratos.recovery().fetch(null));
        assertThrows(NullPointerException.class, () -> kratos.recovery().restart((RecoveryOutcome.FlowExpired) null));
        assertThrows(NullPointerException.class, () -> kratos.verification().fetch(null));
        assertThrows(NullPointerException.class, () -> kratos.verification().restart((VerificationOutcome.FlowExpired) null));
        assertThrows(NullPointerException.class, () -> kratos.sessions().whoami(null));
        assertEquals(List.of(), server.requests());
        assertSame(kratos.login(), kratos.login());
    }
}
