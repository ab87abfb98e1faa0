package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.TokenExchangeOutcome;
import io.kratosflows.testkit.OidcTestProvider;
import io.kratosflows.testkit.ScriptedBrowser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The native social sign-in ceremony as an app runs it, for the live suite: start a flow that asks
 * for an exchange code and returns to the app, submit {@code oidc}, let the (scripted) system
 * browser sign in at the provider, take {@code ?code=} from the app's return URL and exchange both
 * codes for a session.
 */
final class SocialSignIn {

    /** The app's return URL: allowed in the kit's profile, where the browser hands back to the app. */
    static final String APP = "https://example.com/app";
    /** The kit's (absent) browser UI: Kratos's error page and login page live there. */
    static final String UI = "http://127.0.0.1:4455/";

    private SocialSignIn() {
    }

    static ScriptedBrowser browser() {
        return ScriptedBrowser.stoppingAt(APP, UI);
    }

    static LoginFlow start(Kratos kratos) {
        LoginFlow flow = kratos.login().start(LoginOptions.defaults().withSessionTokenExchangeCode().withReturnTo(APP));
        assertTrue(flow.sessionTokenExchangeCode().isPresent(), "Kratos issued the init code");
        return flow;
    }

    /** Submits {@code oidc} for {@code provider} and returns where Kratos sends the browser. */
    static String handOver(Kratos kratos, LoginFlow flow, String provider) {
        LoginOutcome outcome = kratos.login().submit(flow, LoginMethod.Oidc.provider(provider));
        return assertInstanceOf(LoginOutcome.BrowserRequired.class, outcome).redirectBrowserTo();
    }

    /** The whole login ceremony for {@code user}, ending in the exchange. */
    static TokenExchangeOutcome login(Kratos kratos, OidcTestProvider provider, OidcTestProvider.User user) {
        LoginFlow flow = start(kratos);
        provider.answerNext(OidcTestProvider.Answer.signIn(user));
        ScriptedBrowser.Result back = browser().open(handOver(kratos, flow, "test"));
        return exchange(kratos, flow.sessionTokenExchangeCode().orElseThrow(), back);
    }

    /**
     * {@return where the browser ended, with Kratos's self-service error when it ended on the error
     * page} so that a failed ceremony says why in the assertion message, not only where.
     */
    static String describe(Live live, ScriptedBrowser.Result back) {
        String id = back.query().get("id");
        if (!back.url().toString().startsWith(UI + "error") || id == null) {
            return back.toString();
        }
        URI errors = live.server().publicUrl().resolve("/self-service/errors?id="
                + URLEncoder.encode(id, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> error = HttpClient.newHttpClient().send(HttpRequest.newBuilder(errors)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return back + " with Kratos error " + error.body();
        } catch (IOException e) {
            return back + " (the error could not be read: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return back + " (interrupted reading the error)";
        }
    }

    static TokenExchangeOutcome exchange(Kratos kratos, Secret initCode, ScriptedBrowser.Result back) {
        assertTrue(back.stopped() && back.url().toString().startsWith(APP), "the browser returned to the app: " + back);
        String code = back.query().get("code");
        assertTrue(code != null && !code.isBlank(), "return_to carries ?code=: " + back);
        return kratos.sessions().exchangeToken(initCode, Secret.of(code));
    }
}
