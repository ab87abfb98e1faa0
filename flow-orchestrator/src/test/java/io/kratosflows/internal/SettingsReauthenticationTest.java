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

    /**
     * Settings and login that answer with queued outcomes and record what they were asked: the
     * settings submissions, the options of each login start and the login submissions.
     */
    private static final class Scenario {
        final Deque<SettingsOutcome> settingsAnswers = new ArrayDeque<>();
        final Deque<LoginOutcome> loginAnswers = new ArrayDeque<>();
        final List<SettingsMethod> submitted = new ArrayList<>();
        final List<LoginOptions> started = new ArrayList<>();
        final List<LoginMethod> loggedInWith = new ArrayList<>();
        final SettingsFlows settings = only(SettingsFlows.class, Map.of("submit", args -> {
            assertSame(FLOW, args[0]);
            submitted.add((SettingsMethod) args[1]);
            return settingsAnswers.remove();
        }));
        final LoginFlows login = only(LoginFlows.class, Map.of("start", args -> {
            started.add((LoginOptions) args[0]);
            return Samples.login(((LoginOptions) args[0]).sessionToken());
        }, "submit", args -> {
            loggedInWith.add((LoginMethod) args[1]);
            return loginAnswers.remove();
        }));

        Scenario settings(SettingsOutcome... answers) {
            settingsAnswers.addAll(List.of(answers));
            return this;
        }

        Scenario login(LoginOutcome... answers) {
            loginAnswers.addAll(List.of(answers));
            return this;
        }

        SettingsOutcome submit(Function<LoginFlow, LoginMethod> credentials) {
            return SettingsReauthentication.submit(settings, login, FLOW, METHOD, credentials);
        }

        SettingsOutcome submit() {
            return submit(flow -> PASSWORD);
        }
    }

    @Test
    void aSubmissionKratosAcceptsStartsNoLogin() {
        Scenario scenario = new Scenario().settings(SAVED);

        assertSame(SAVED, scenario.submit());
        assertEquals(List.of(), scenario.started);
        assertEquals(List.of(METHOD), scenario.submitted);
    }

    @Test
    void refreshThenACompletedLoginSubmitsAgain() {
        Scenario scenario = new Scenario().settings(REFRESH, SAVED).login(COMPLETED);

        assertSame(SAVED, scenario.submit());
        assertEquals(List.of(LoginOptions.refresh(TOKEN)), scenario.started);
        assertEquals(List.of(PASSWORD), scenario.loggedInWith);
        assertEquals(List.of(METHOD, METHOD), scenario.submitted);
    }

    @Test
    void aRefreshLoginThatNeedsInputIsReportedInRefreshRequired() {
        Scenario scenario = new Scenario().settings(REFRESH).login(NEEDS_INPUT);

        var refresh = assertInstanceOf(SettingsOutcome.RefreshRequired.class, scenario.submit());

        assertSame(NEEDS_INPUT, refresh.failedReauthentication().orElseThrow());
        assertTrue(refresh.error().is("session_refresh_required"));
        assertEquals(((SettingsOutcome.RefreshRequired) REFRESH).browserUrl(), refresh.browserUrl());
        assertEquals(List.of(METHOD), scenario.submitted, "nothing is submitted again");
    }

    @Test
    void aRefreshThatNeedsASecondFactorStepsUpAndSubmitsAgain() {
        Scenario scenario = new Scenario().settings(REFRESH, AAL2, SAVED).login(SECOND_FACTOR, COMPLETED);

        assertSame(SAVED, scenario.submit());
        assertEquals(List.of(LoginOptions.refresh(TOKEN), LoginOptions.secondFactor(TOKEN)), scenario.started);
        assertEquals(3, scenario.submitted.size());
    }

    @Test
    void aSecondFactorRequestStartsAnAal2Login() {
        Scenario scenario = new Scenario().settings(AAL2, SAVED).login(COMPLETED);

        assertSame(SAVED, scenario.submit());
        assertEquals(List.of(LoginOptions.secondFactor(TOKEN)), scenario.started);
        assertEquals(Optional.of(Aal.AAL2), scenario.started.get(0).aal());
        assertEquals(Optional.of(TOKEN), scenario.started.get(0).sessionToken());
    }

    @Test
    void anAal2LoginThatDoesNotCompleteLeavesTheSecondFactorRequest() {
        Scenario scenario = new Scenario().settings(AAL2).login(NEEDS_INPUT);

        assertSame(AAL2, scenario.submit());
        assertEquals(List.of(METHOD), scenario.submitted);
    }

    @Test
    void theCredentialsSeeTheLoginFlowAndMustAnswer() {
        List<LoginFlow> seen = new ArrayList<>();

        new Scenario().settings(REFRESH, SAVED).login(COMPLETED).submit(flow -> {
            seen.add(flow);
            return PASSWORD;
        });
        var e = assertThrows(NullPointerException.class, () -> new Scenario().settings(REFRESH).submit(flow -> null));

        assertEquals(Optional.of(TOKEN), seen.get(0).sessionToken());
        assertEquals("credentials returned null", e.getMessage());
        assertThrows(NullPointerException.class, () -> new Scenario().submit(null));
    }
}
