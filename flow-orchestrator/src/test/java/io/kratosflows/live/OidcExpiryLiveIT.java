package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Kratos;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.session.TokenExchangeOutcome;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.testkit.OidcTestProvider;
import io.kratosflows.testkit.ScriptedBrowser;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A login flow that expires while the user is at the provider (flows live 2 s here): Kratos ends
 * the browser on its error page, the flow answers 410, and the app starts a fresh native flow with
 * a new exchange code (Kratos's replacement flow would not carry the exchanger) and finishes.
 */
class OidcExpiryLiveIT {

    private static final long EXPIRE_MILLIS = 2_500;

    @RegisterExtension
    @Order(1)
    static final OidcTestProvider PROVIDER = OidcTestProvider.start();
    @RegisterExtension
    @Order(2)
    static final Live LIVE = Live.on(KratosServer.builder().name("oidc-short-lifespans")
            .oidcProvider("test", PROVIDER)
            .set("selfservice.flows.login.lifespan", "2s")
            .build());

    @Test
    void aFlowThatExpiresDuringTheCeremonyIsStartedAfreshAndFinished() throws InterruptedException {
        OidcTestProvider.User user = OidcTestProvider.User.of("expiry-" + System.nanoTime(), Live.newEmail("social-expiry"));
        LoginFlow flow = SocialSignIn.start(LIVE.kratos());
        String url = SocialSignIn.handOver(LIVE.kratos(), flow, "test");
        Thread.sleep(EXPIRE_MILLIS); // the user takes their time at the provider
        PROVIDER.answerNext(OidcTestProvider.Answer.signIn(user));

        ScriptedBrowser.Result back = SocialSignIn.browser().open(url);
        KratosErrorException gone = assertThrows(KratosErrorException.class, () -> LIVE.kratos().login().fetch(flow.id()));

        assertTrue(back.url().toString().startsWith(SocialSignIn.UI + "error?id="),
                "Kratos shows its error page, the app gets no code: " + back);
        assertEquals(410, gone.status());
        assertTrue(gone.error().is("self_service_flow_expired"), gone.error().summary());

        TokenExchangeOutcome fresh = SocialSignIn.login(LIVE.kratos(), PROVIDER, user);
        var done = assertInstanceOf(TokenExchangeOutcome.Exchanged.class, fresh);
        assertEquals(user.email().orElseThrow(), done.session().identity().orElseThrow().traits().text("email").orElseThrow());
    }
}
