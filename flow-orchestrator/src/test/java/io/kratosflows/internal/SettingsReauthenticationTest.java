package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Aal;
import io.kratosflows.FlowId;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginFlows;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsFlows;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testing.Samples;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Native re-authentication around a settings submission, against fakes of the public flow
 * interfaces: which logins it starts (refresh or aal2, with the flow's token), what it submits
 * again, and what it reports when the login does not complete. No HTTP.
 */
class SettingsReauthenticationTest {

    private static final SessionToken TOKEN = SessionToken.of("ory_st_settings");
    private static final SettingsFlow FLOW = Samples.settings(TOKEN);
    private static final SettingsMethod METHOD = new SettingsMethod.Password(Secret.of("new-password-1"));
    private static final LoginMethod PASSWORD = new LoginMethod.Password("ada@example.org", Secret.of("old-password-1"));

    private static final SettingsOutcome SAVED = new SettingsOutcome.Saved(FLOW);
    private static final SettingsOutcome REFRESH = new SettingsOutcome.RefreshRequired(Samples.error(403, "session_refresh_required"),
            Optional.of("https://kratos.example/self-service/login/browser?refresh=true"), Optional.empty());
    private static final SettingsOutcome AAL2 = new SettingsOutcome.SecondFactorRequired(Samples.error(403, "session_aal2_required"),
            Optional.empty());
    private static final LoginOutcome COMPLETED = new LoginOutcome.Completed(Samples.session(), TOKEN, List.of());
    private static final LoginOutcome SECOND_FACTOR = new LoginOutcome.SecondFactorRequired(Samples.session(), TOKEN);
    private static final LoginOutcome NEEDS_INPUT = new LoginOutcome.NeedsInput(Samples.login());

    /** Settings that answer each submission with the next queued outcome and count the submissions. */
    private static final class FakeSettings implements SettingsFlows {
        final Deque<SettingsOutcome> answers;
        final List<SettingsMethod> submitted = new ArrayList<>();

        FakeSettings(SettingsOutcome... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public SettingsOutcome submit(SettingsFlow flow, SettingsMethod method) {
            assertSame(FLOW, flow);
            submitted.add(method);
            return answers.remove();
        }

        @Override
        public SettingsFlow start(SessionToken token) {
            throw new AssertionError("not used");
        }

        @Override
        public SettingsFlow fetch(FlowId id, SessionToken token) {
            throw new AssertionError("not used");
        }

        @Override
        public SettingsOutcome submitReauthenticating(SettingsFlow flow, SettingsMethod method, Function<LoginFlow, LoginMethod> c) {
            throw new AssertionError("not used");
        }

        @Override
        public SettingsFlow restart(SettingsOutcome.FlowExpired expired, SessionToken token) {
            throw new AssertionError("not used");
        }
    }

    /** Login that records the options of each start and answers each submission with the next queued outcome. */
    private static final class FakeLogin implements LoginFlows {
        final Deque<LoginOutcome> answers;
        final List<LoginOptions> started = new ArrayList<>();
        final List<LoginMethod> submitted = new ArrayList<>();

        FakeLogin(LoginOutcome... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public LoginFlow start(LoginOptions options) {
            started.add(options);
            return Samples.login(options.sessionToken());
        }

        @Override
        public LoginOutcome submit(LoginFlow flow, LoginMethod method) {
            submitted.add(method);
            return answers.remove();
        }

        @Override
        public LoginFlow fetch(FlowId id) {
            throw new AssertionError("not used");
        }

        @Override
        public LoginFlow fetch(FlowId id, SessionToken token) {
            throw new AssertionError("not used");
        }

        @Override
        public LoginFlow restart(LoginOutcome.FlowExpired expired) {
            throw new AssertionError("not used");
        }

        @Override
        public LoginFlow restart(LoginOutcome.FlowExpired expired, LoginOptions options) {
            throw new AssertionError("not used");
        }
    }

    private static SettingsOutcome submit(FakeSettings settings, FakeLogin login) {
        return SettingsReauthentication.submit(settings, login, FLOW, METHOD, flow -> PASSWORD);
    }

    @Test
    void aSubmissionKratosAcceptsStartsNoLogin() {
        FakeSettings settings = new FakeSettings(SAVED);
        FakeLogin login = new FakeLogin();

        assertSame(SAVED, submit(settings, login));
        assertEquals(List.of(), login.started);
        assertEquals(List.of(METHOD), settings.submitted);
    }

    @Test
    void refreshThenACompletedLoginSubmitsAgain() {
        FakeSettings settings = new FakeSettings(REFRESH, SAVED);
        FakeLogin login = new FakeLogin(COMPLETED);

        assertSame(SAVED, submit(settings, login));
        assertEquals(List.of(LoginOptions.refresh(TOKEN)), login.started);
        assertEquals(List.of(PASSWORD), login.submitted);
        assertEquals(List.of(METHOD, METHOD), settings.submitted);
    }

    @Test
    void aRefreshLoginThatNeedsInputIsReportedInRefreshRequired() {
        FakeSettings settings = new FakeSettings(REFRESH);
        FakeLogin login = new FakeLogin(NEEDS_INPUT);

        var refresh = assertInstanceOf(SettingsOutcome.RefreshRequired.class, submit(settings, login));

        assertSame(NEEDS_INPUT, refresh.failedReauthentication().orElseThrow());
        assertTrue(refresh.error().is("session_refresh_required"));
        assertEquals(((SettingsOutcome.RefreshRequired) REFRESH).browserUrl(), refresh.browserUrl());
        assertEquals(List.of(METHOD), settings.submitted, "nothing is submitted again");
    }

    @Test
    void aRefreshThatNeedsASecondFactorStepsUpAndSubmitsAgain() {
        FakeSettings settings = new FakeSettings(REFRESH, AAL2, SAVED);
        FakeLogin login = new FakeLogin(SECOND_FACTOR, COMPLETED);

        assertSame(SAVED, submit(settings, login));
        assertEquals(List.of(LoginOptions.refresh(TOKEN), LoginOptions.secondFactor(TOKEN)), login.started);
        assertEquals(3, settings.submitted.size());
    }

    @Test
    void aSecondFactorRequestStartsAnAal2Login() {
        FakeSettings settings = new FakeSettings(AAL2, SAVED);
        FakeLogin login = new FakeLogin(COMPLETED);

        assertSame(SAVED, submit(settings, login));
        assertEquals(List.of(LoginOptions.secondFactor(TOKEN)), login.started);
        assertEquals(Optional.of(Aal.AAL2), login.started.get(0).aal());
        assertEquals(Optional.of(TOKEN), login.started.get(0).sessionToken());
    }

    @Test
    void anAal2LoginThatDoesNotCompleteLeavesTheSecondFactorRequest() {
        FakeSettings settings = new FakeSettings(AAL2);
        FakeLogin login = new FakeLogin(NEEDS_INPUT);

        assertSame(AAL2, submit(settings, login));
        assertEquals(List.of(METHOD), settings.submitted);
    }

    @Test
    void theCredentialsSeeTheLoginFlowAndMustAnswer() {
        List<LoginFlow> seen = new ArrayList<>();
        FakeLogin login = new FakeLogin(COMPLETED);

        SettingsReauthentication.submit(new FakeSettings(REFRESH, SAVED), login, FLOW, METHOD, flow -> {
            seen.add(flow);
            return PASSWORD;
        });
        var e = assertThrows(NullPointerException.class,
                () -> SettingsReauthentication.submit(new FakeSettings(REFRESH), new FakeLogin(), FLOW, METHOD, flow -> null));

        assertEquals(Optional.of(TOKEN), seen.get(0).sessionToken());
        assertEquals("credentials returned null", e.getMessage());
        assertThrows(NullPointerException.class, () -> SettingsReauthentication.submit(new FakeSettings(), new FakeLogin(), FLOW, METHOD, null));
    }
}
