package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Kratos;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** First-factor login against a real Kratos: password, code, refresh, social sign-in hand-over. */
class LoginLiveIT {

    @RegisterExtension
    static final KratosServer SERVER = KratosServer.defaults();
    private static Kratos kratos;

    @BeforeAll
    static void connect() {
        kratos = Live.client(SERVER);
    }

    @AfterAll
    static void close() {
        kratos.close();
    }

    @Test
    void passwordLoginAndWrongPassword() {
        String email = Live.newEmail("login-password");
        Live.register(kratos, email, Live.PASSWORD);
        LoginFlow flow = kratos.login().start();

        var wrong = kratos.login().submit(flow, new LoginMethod.Password(email, Secret.of("not-the-password-1")));
        var right = kratos.login().submit(flow, new LoginMethod.Password(email, Secret.of(Live.PASSWORD)));

        assertTrue(assertInstanceOf(LoginOutcome.NeedsInput.class, wrong).flow().ui().hasMessage(4000006));
        var done = assertInstanceOf(LoginOutcome.Completed.class, right);
        assertEquals(email, done.session().identity().orElseThrow().traits().text("email").orElseThrow());
        assertEquals("password", done.session().authenticationMethods().get(0).method());
    }

    @Test
    void codeLoginWithResendAndWrongCode() {
        String email = Live.newEmail("login-code");
        Live.register(kratos, email, Live.PASSWORD);
        LoginFlow flow = kratos.login().start();

        var sent = assertInstanceOf(LoginOutcome.CodeSent.class, kratos.login().submit(flow, LoginMethod.Code.request(email)));
        String first = Live.code(SERVER, email, CodePurpose.LOGIN);
        var wrong = kratos.login().submit(sent.flow(), LoginMethod.Code.submit(email, Secret.of("000000")));
        var done = kratos.login().submit(sent.flow(), LoginMethod.Code.submit(email, Secret.of(first)));

        assertTrue(assertInstanceOf(LoginOutcome.NeedsInput.class, wrong).flow().ui().hasMessage(4010008));
        assertEquals("code", assertInstanceOf(LoginOutcome.Completed.class, done).session().authenticationMethods().get(0).method());
    }

    @Test
    void resendAsksForANewCode() {
        String email = Live.newEmail("login-resend");
        Live.register(kratos, email, Live.PASSWORD);
        var sent = assertInstanceOf(LoginOutcome.CodeSent.class,
                kratos.login().submit(kratos.login().start(), LoginMethod.Code.request(email)));
        int before = waitForMessages(email, 1);

        var resent = kratos.login().submit(sent.flow(), LoginMethod.Code.resend(email));

        assertInstanceOf(LoginOutcome.CodeSent.class, resent);
        assertTrue(waitForMessages(email, before + 1) > before, "a second code was sent");
    }

    @Test
    void refreshReauthenticatesTheSameSession() {
        String email = Live.newEmail("login-refresh");
        SessionToken token = Live.register(kratos, email, Live.PASSWORD);

        LoginFlow flow = kratos.login().start(LoginOptions.refresh(token));
        var done = assertInstanceOf(LoginOutcome.Completed.class,
                kratos.login().submit(flow, new LoginMethod.Password(email, Secret.of(Live.PASSWORD))));

        assertTrue(flow.refresh());
        assertEquals(2, done.session().authenticationMethods().size(), "the refresh added a factor to the same session");
    }

    @Test
    void startingWithAnActiveSessionWithoutRefreshIsATypedError() {
        SessionToken token = Live.register(kratos, Live.newEmail("login-active"), Live.PASSWORD);

        var error = assertThrows(KratosErrorException.class,
                () -> kratos.login().start(io.kratosflows.login.LoginOptions.defaults().withSessionToken(token)));

        assertTrue(error.error().is("session_already_available"));
    }

    @Test
    void socialSignInNeedsABrowserAndFetchReturnsTheSameFlow() {
        LoginFlow flow = kratos.login().start();

        var browser = kratos.login().submit(flow, LoginMethod.Oidc.provider("github"));
        LoginFlow fetched = kratos.login().fetch(flow.id());

        assertTrue(assertInstanceOf(LoginOutcome.BrowserRequired.class, browser).redirectBrowserTo().contains("github.com"));
        assertEquals(flow.id(), fetched.id());
        assertEquals(flow.ui().nodes().size(), fetched.ui().nodes().size());
    }

    @Test
    void tokenExchangeCodeIsIssuedAndUnknownCodesAreRejected() {
        LoginFlow flow = kratos.login().start(LoginOptions.defaults().withSessionTokenExchangeCode()
                .withReturnTo("https://example.com/app"));

        var rejected = kratos.sessions().exchangeToken(Secret.of("not-an-init-code"), Secret.of("not-a-return-code"));

        assertTrue(flow.sessionTokenExchangeCode().isPresent(), "init code for the browser hand-over");
        assertInstanceOf(TokenExchangeOutcome.Rejected.class, rejected);
    }

    /** Waits until at least {@code atLeast} login-code mails reached the address; returns how many did. */
    private static int waitForMessages(String email, int atLeast) {
        long deadline = System.currentTimeMillis() + Live.CODE_WAIT.toMillis();
        int count;
        do {
            count = (int) SERVER.mail().messagesFor(email).stream().filter(CodePurpose.LOGIN::matches).count();
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
