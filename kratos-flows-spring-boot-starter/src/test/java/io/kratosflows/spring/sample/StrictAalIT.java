package io.kratosflows.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.spring.test.KratosTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Kratos with strict AAL ({@code required_aal: highest_available}): until a user with TOTP
 * completes the second factor, whoami refuses the session, and the service tells the app to step up
 * on every endpoint; right after the step-up the same token works.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@KratosTest(name = "strict-aal", config = {"session.whoami.required_aal=highest_available",
        "selfservice.flows.settings.required_aal=highest_available"})
class StrictAalIT extends LiveSample {

    @Test
    void stepUpOnEveryEndpointUntilTheSecondFactor() {
        Http http = http();
        String email = NativeApp.newEmail("strict");
        String totp = app.registerWithTotp(email);
        LoginOutcome first = app.signIn(email);
        assertThat(first).isInstanceOf(LoginOutcome.SecondFactorRequired.class);
        SessionToken token = ((LoginOutcome.SecondFactorRequired) first).token();

        Http.Answer me = http.get("/me", token.reveal());
        app.stepUp(token, totp);
        Http.Answer meAfter = http.get("/me", token.reveal());
        Http.Answer transfers = http.get("/transfers", token.reveal());

        assertThat(me.status()).isEqualTo(403);
        assertThat(me.error()).isEqualTo("session_aal2_required");
        assertThat(me.action()).isEqualTo("step_up");
        assertThat(meAfter.status()).isEqualTo(200);
        assertThat(meAfter.body().path("aal").asText()).isEqualTo("aal2");
        assertThat(transfers.status()).isEqualTo(200);
    }
}
