package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Secret;
import io.kratosflows.Traits;
import io.kratosflows.registration.RegistrationFlow;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.ui.NodeAttributes;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One-step (unified) registration against a real Kratos: password, code, validation, social sign-up. */
class RegistrationLiveIT {

    @RegisterExtension
    static final Live LIVE = Live.on(KratosServer.defaults());

    @Test
    void passwordRegistrationIssuesASessionAndStartsVerification() {
        String email = Live.newEmail("reg-password");

        var outcome = LIVE.kratos().registration().submit(LIVE.kratos().registration().start(),
                new RegistrationMethod.Password(Traits.of(Map.of("email", email, "name", Map.of("first", "Ada"))), Secret.of(Live.PASSWORD)));

        var done = assertInstanceOf(RegistrationOutcome.Completed.class, outcome);
        assertEquals(email, done.identity().traits().text("email").orElseThrow());
        assertEquals("Ada", done.identity().traits().text("name.first").orElseThrow());
        assertTrue(done.verificationFlow().isPresent(), "show_verification_ui");
        assertInstanceOf(WhoamiOutcome.Active.class, LIVE.kratos().sessions().whoami(done.token().orElseThrow()));
    }

    @Test
    void codeRegistrationSendsACodeAndCompletesWithIt() {
        String email = Live.newEmail("reg-code");
        RegistrationFlow flow = LIVE.kratos().registration().start();

        var sent = assertInstanceOf(RegistrationOutcome.CodeSent.class,
                LIVE.kratos().registration().submit(flow, RegistrationMethod.Code.request(Traits.email(email))));
        var wrong = LIVE.kratos().registration().submit(sent.flow(), RegistrationMethod.Code.submit(Traits.email(email), Secret.of("000000")));
        String code = LIVE.code(email, CodePurpose.REGISTRATION);
        var done = LIVE.kratos().registration().submit(sent.flow(), RegistrationMethod.Code.submit(Traits.email(email), Secret.of(code)));

        assertTrue(assertInstanceOf(RegistrationOutcome.NeedsInput.class, wrong).flow().ui().hasMessage(4040003));
        assertTrue(assertInstanceOf(RegistrationOutcome.Completed.class, done).token().isPresent());
    }

    @Test
    void weakPasswordAndTakenAddressNeedInput() {
        String email = Live.newEmail("reg-invalid");
        LIVE.register(email, Live.PASSWORD);

        var weak = LIVE.kratos().registration().submit(LIVE.kratos().registration().start(),
                new RegistrationMethod.Password(Traits.email(Live.newEmail("reg-weak")), Secret.of("short")));
        var taken = LIVE.kratos().registration().submit(LIVE.kratos().registration().start(),
                new RegistrationMethod.Password(Traits.email(email), Secret.of(Live.PASSWORD)));

        var weakInput = assertInstanceOf(RegistrationOutcome.NeedsInput.class, weak);
        assertTrue(weakInput.flow().ui().node("password").orElseThrow().messages().stream().anyMatch(m -> m.isError()));
        assertTrue(assertInstanceOf(RegistrationOutcome.NeedsInput.class, taken).flow().ui().hasErrors());
    }

    @Test
    void socialSignUpNeedsABrowserAndFlowsCarryProviderAndPasskeyNodes() {
        RegistrationFlow flow = LIVE.kratos().registration().start();

        var browser = LIVE.kratos().registration().submit(flow, RegistrationMethod.Oidc.provider("github"));

        assertTrue(assertInstanceOf(RegistrationOutcome.BrowserRequired.class, browser).redirectBrowserTo()
                .startsWith("https://github.com/login/oauth/authorize"));
        assertEquals("github", flow.ui().nodes("oidc").get(0).input().orElseThrow().valueAsString().orElseThrow());
        // v26 offers passkeys in one-step registration; v25.4 does not (the outcome below says so).
        flow.ui().node("passkey_create_data").flatMap(n -> n.input()).flatMap(i -> i.valueAsString())
                .ifPresent(data -> assertTrue(data.contains("\"challenge\""), "WebAuthn creation options parse as text"));
        flow.ui().nodes().forEach(n -> assertTrue(!(n.attributes() instanceof NodeAttributes.Unknown), "no unknown node types on v26.2.0"));
    }

    @Test
    void aBogusPasskeyIsInvalidInputOrUnavailableNeverACrash() {
        RegistrationFlow flow = LIVE.kratos().registration().start();

        var outcome = LIVE.kratos().registration().submit(flow,
                new RegistrationMethod.Passkey(Traits.email(Live.newEmail("reg-passkey")), "{\"id\":\"not-a-real-credential\"}"));

        if (flow.methods().contains("passkey")) {
            assertInstanceOf(RegistrationOutcome.NeedsInput.class, outcome);
        } else {
            assertEquals("passkey", assertInstanceOf(RegistrationOutcome.MethodUnavailable.class, outcome).method());
        }
    }
}
