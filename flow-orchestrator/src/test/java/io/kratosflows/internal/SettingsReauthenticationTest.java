package io.kratosflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Aal;
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
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
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

    /** {@return an implementation of {@code type} whose named methods answer as given and whose others fail the test} */
    @SuppressWarnings("unchecked")
    private static <T> T only(Class<T> type, Map<String, Function<Object[], Object>> methods) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                Optional.ofNullable(methods.get(method.getName())).orElseThrow(() -> new AssertionError(method + " is not used")).apply(args));
    }

    /** Settings that answer each submission with the next queued outcome and record what was submitted. */
    private static final class FakeSettings {
        final Deque<SettingsOutcome> answers;
        final List<SettingsMethod> submitted = new ArrayList<>();
        final SettingsFlows flows = only(SettingsFlows.class, Map.of("submit", args -> {
            assertSame(FLOW, args[0]);
            submitted.add((SettingsMethod) args[1]);
            return answers().remove();
        }));

        FakeSettings(SettingsOutcome... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        private Deque<SettingsOutcome> answers() {
            return answers;
        }
    }

    /** Login that records the options of each start and answers each submission with the next queued outcome. */
    private static final class FakeLogin {
        final Deque<LoginOutcome> answers;
        final List<LoginOptions> started = new ArrayList<>();
        final List<LoginMethod> submitted = new ArrayList<>();
        final LoginFlows flows = only(LoginFlows.class, Map.of("start", args -> {
            LoginOptions options = (LoginOptions) args[0];
            started.add(options);
            return Samples.login(options.sessionToken());
        }, "submit", args -> {
            submitted.add((LoginMethod) args[1]);
            return answers().remove();
        }));

        FakeLogin(LoginOutcome... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        private Deque<LoginOutcome> answers() {
            return answers;
        }
    }

    private static SettingsOutcome submit(FakeSettings settings, FakeLogin login) {
        return SettingsReauthentication.submit(settings.flows, login.flows, FLOW, METHOD, flow -> PASSWORD);
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

        SettingsReauthentication.submit(new FakeSettings(REFRESH, SAVED).flows, login.flows, FLOW, METHOD, flow -> {
            seen.add(flow);
            return PASSWORD;
        });
        var e = assertThrows(NullPointerException.class,
                () -> SettingsReauthentication.submit(new FakeSettings(REFRESH).flows, new FakeLogin().flows, FLOW, METHOD, flow -> null));

        assertEquals(Optional.of(TOKEN), seen.get(0).sessionToken());
        assertEquals("credentials returned null", e.getMessage());
        assertThrows(NullPointerException.class,
                () -> SettingsReauthentication.submit(new FakeSettings().flows, new FakeLogin().flows, FLOW, METHOD, null));
    }
}
