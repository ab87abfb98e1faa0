package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.TokenExchangeOutcome;
import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** First-factor login against a real Kratos: password, code, refresh, social sign-in hand-over. */
class LoginLiveIT {

    @RegisterExtension
    static final Live LIVE = Live.on(KratosServer.defaults());

    @Test
    void passwordLoginAndWrongPassword() {
        String email = Live.newEmail("login-password");
        LIVE.register(email, Live.PASSWORD);
        LoginFlow flow = LIVE.kratos().login().start();

        var wrong = LIVE.kratos().login().submit(flow, new LoginMethod.Password(email, Secret.of("not-the-password-1")));
        var right = LIVE.kratos().login().submit(flow, new LoginMethod.Password(email, Secret.of(Live.PASSWORD)));

        assertTrue(assertInstanceOf(LoginOutcome.NeedsInput.class, wrong).flow().ui().hasMessage(4000006));
        var done = assertInstanceOf(LoginOutcome.Completed.class, right);
        assertEquals(email, done.session().identity().orElseThrow().traits().text("email").orElseThrow());
        assertEquals("password", done.session().authenticationMethods().get(0).method());
    }

    @Test
    void codeLoginWithResendAndWrongCode() {
        String email = Live.newEmail("login-code");
        LIVE.register(email, Live.PASSWORD);
        LoginFlow flow = LIVE.kratos().login().start();

        var sent = assertInstanceOf(LoginOutcome.CodeSent.class, LIVE.kratos().login().submit(flow, LoginMethod.Code.request(email)));
        String first = LIVE.code(email, CodePurpose.LOGIN);
        var wrong = LIVE.kratos().login().submit(sent.flow(), LoginMethod.Code.submit(email, Secret.of("000000")));
        var done = LIVE.kratos().login().submit(sent.flow(), LoginMethod.Code.submit(email, Secret.of(first)));

        assertTrue(assertInstanceOf(LoginOutcome.NeedsInput.class, wrong).flow().ui().hasMessage(4010008));
        assertEquals("code", assertInstanceOf(LoginOutcome.Completed.class, done).session().authenticationMethods().get(0).method());
    }

    @Test
    void resendAsksForANewCode() {
        String email = Live.newEmail("login-resend");
        LIVE.register(email, Live.PASSWORD);
        var sent = assertInstanceOf(LoginOutcome.CodeSent.class,
                LIVE.kratos().login().submit(LIVE.kratos().login().start(), LoginMethod.Code.request(email)));
        int before = waitForMessages(email, 1);

        var resent = LIVE.kratos().login().submit(sent.flow(), LoginMethod.Code.resend(email));

        assertInstanceOf(LoginOutcome.CodeSent.class, resent);
        assertTrue(waitForMessages(email, before + 1) > before, "a second code was sent");
    }

    @Test
    void refreshReauthenticatesTheSameSession() {
        String email = Live.newEmail("login-refresh");
        SessionToken token = LIVE.register(email, Live.PASSWORD);

        LoginFlow flow = LIVE.kratos().login().start(LoginOptions.refresh(token));
        var done = assertInstanceOf(LoginOutcome.Completed.class,
                LIVE.kratos().login().submit(flow, new LoginMethod.Password(email, Secret.of(Live.PASSWORD))));

        assertTrue(flow.refresh());
        assertEquals(2, done.session().authenticationMethods().size(), "the refresh added a factor to the same session");
    }

    @Test
    void startingWithAnActiveSessionWithoutRefreshIsATypedError() {
        SessionToken token = LIVE.register(Live.newEmail("login-active"), Live.PASSWORD);

        var error = assertThrows(KratosErrorException.class,
                () -> LIVE.kratos().login().start(io.kratosflows.login.LoginOptions.defaults().withSessionToken(token)));

        assertTrue(error.error().is("session_already_available"));
    }

    @Test
    void socialSignInNeedsABrowserAndFetchReturnsTheSameFlow() {
        LoginFlow flow = LIVE.kratos().login().start();

        var browser = LIVE.kratos().login().submit(flow, LoginMethod.Oidc.provider("github"));
        LoginFlow fetched = LIVE.kratos().login().fetch(flow.id());

        assertTrue(assertInstanceOf(LoginOutcome.BrowserRequired.class, browser).redirectBrowserTo().contains("github.com"));
        assertEquals(flow.id(), fetched.id());
        assertEquals(flow.ui().nodes().size(), fetched.ui().nodes().size());
    }

    @Test
    void tokenExchangeCodeIsIssuedAndUnknownCodesAreRejected() {
        LoginFlow flow = LIVE.kratos().login().start(LoginOptions.defaults().withSessionTokenExchangeCode()
                .withReturnTo("https://example.com/app"));

        var rejected = LIVE.kratos().sessions().exchangeToken(Secret.of("not-an-init-code"), Secret.of("not-a-return-code"));

        assertTrue(flow.sessionTokenExchangeCode().isPresent(), "init code for the browser hand-over");
        assertInstanceOf(TokenExchangeOutcome.Rejected.class, rejected);
    }

    /** Waits until at least {@code atLeast} login-code mails reached the address; returns how many did. */
    private static int waitForMessages(String email, int atLeast) {
        long deadline = System.currentTimeMillis() + Live.CODE_WAIT.toMillis();
        int count;
        do {
            count = (int) LIVE.server().mail().messagesFor(email).stream().filter(CodePurpose.LOGIN::matches).count();
            if (count >= atLeast) {
                return count;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return count;
            }
        } while (System.currentTimeMillis() < deadline);
        return count;
    }
}
