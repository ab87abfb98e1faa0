package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.Kratos;
import io.kratosflows.SessionToken;
import io.kratosflows.Traits;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.passkey.PasskeyAssertion;
import io.kratosflows.passkey.PasskeyCreationOptions;
import io.kratosflows.passkey.PasskeyFailure;
import io.kratosflows.passkey.PasskeyRegistration;
import io.kratosflows.passkey.PasskeyRequestOptions;
import io.kratosflows.passkey.RegisteredPasskey;
import io.kratosflows.registration.RegistrationFlow;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.testkit.SoftwareAuthenticator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Passkeys end to end against a real Kratos, with a software authenticator standing in for the
 * phone ({@link SoftwareAuthenticator}: P-256 keys, "none" attestation): register with a passkey,
 * sign in with it, add and remove one in settings, and the failures Kratos reports. The relying
 * party accepts the web origin of the kit's profile and an Android app's origin, the form Android
 * Credential Manager reports for a native app.
 */
class PasskeyLiveIT {

    static final String WEB_ORIGIN = "http://localhost:4455";
    /** {@code android:apk-key-hash:} + base64url(SHA-256 of the app's signing certificate); a made-up app. */
    static final String ANDROID_ORIGIN = "android:apk-key-hash:" + "Xr8z3mWdZ0q5fA1kU6pJ2oYvN9bE4cH7sLtRgKiMwQo";

    @RegisterExtension
    static final Live LIVE = Live.on(KratosServer.builder().name("passkeys")
            .passkeyRelyingParty("localhost", WEB_ORIGIN, ANDROID_ORIGIN).build());
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * v26 offers passkeys to native flows. v25.4 and v1.3 do not: no passkey in one-step
     * registration, and native settings flows get no passkey nodes
     * ({@code passkey_settings.go}: {@code if f.Type != flow.TypeBrowser { return nil }}), so a
     * native app cannot create a passkey there at all.
     */
    private static boolean passkeyRegistration() {
        return LIVE.server().version().isAtLeast(26, 0);
    }

    /** Whether native settings offer passkeys; on older versions asserts that they do not. */
    private static boolean nativeSettingsOfferPasskeys(SettingsFlow settings) {
        if (passkeyRegistration()) {
            return true;
        }
        assertTrue(PasskeyCreationOptions.from(settings.ui()).isEmpty(), "no passkey nodes in native settings before v26");
        return false;
    }

    @Test
    void registersWithAPasskeyThenSignsInWithIt() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.withOrigin(ANDROID_ORIGIN);
        String email = Live.newEmail("passkey-signup");
        Traits traits = Traits.email(email);
        RegistrationFlow flow = LIVE.kratos().registration().start();
        if (!passkeyRegistration()) {
            assertTrue(PasskeyCreationOptions.from(flow.ui()).isEmpty(), "no passkey sign-up before v26");
            return;
        }

        PasskeyCreationOptions options = PasskeyCreationOptions.from(flow.ui()).orElseThrow().forTraits(traits);
        PasskeyRegistration created = PasskeyRegistration.parse(phone.register(options.json()));
        RegistrationOutcome outcome = LIVE.kratos().registration().submit(flow, RegistrationMethod.Passkey.of(traits, created));

        assertEquals("traits.email", options.displayNameField().orElseThrow());
        assertEquals(email, options.userName(), "the passkey is saved under the user's name");
        assertEquals("localhost", options.rpId().orElseThrow());
        assertTrue(created.answers(options));
        var done = assertInstanceOf(RegistrationOutcome.Completed.class, outcome);
        SessionToken token = done.token().orElseThrow();
        assertEquals(email, done.identity().traits().text("email").orElseThrow());

        LoginOutcome login = signIn(phone);
        var signedIn = assertInstanceOf(LoginOutcome.Completed.class, login);
        assertEquals(done.identity().id(), signedIn.session().identity().orElseThrow().id());
        assertEquals("passkey", signedIn.session().authenticationMethods().get(0).method());
        assertInstanceOf(io.kratosflows.session.WhoamiOutcome.Active.class, LIVE.kratos().sessions().whoami(token));
    }

    @Test
    void addsAPasskeyInSettingsSignsInWithItAndRemovesIt() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.withOrigin(WEB_ORIGIN);
        String email = Live.newEmail("passkey-settings");
        SessionToken token = LIVE.register(email, Live.PASSWORD);
        SettingsFlow settings = LIVE.kratos().settings().start(token);
        if (!nativeSettingsOfferPasskeys(settings)) {
            return;
        }

        PasskeyCreationOptions options = PasskeyCreationOptions.from(settings.ui()).orElseThrow();
        PasskeyRegistration created = PasskeyRegistration.parse(phone.register(options.json()));
        SettingsOutcome added = LIVE.kratos().settings().submit(settings, SettingsMethod.Passkey.add(created));

        assertEquals(email, options.userName(), "settings options already carry the identity's name");
        assertTrue(options.displayNameField().isEmpty());
        var saved = assertInstanceOf(SettingsOutcome.Saved.class, added);
        List<RegisteredPasskey> listed = RegisteredPasskey.in(saved.flow().ui());
        assertEquals(1, listed.size(), "one passkey listed: " + listed);
        RegisteredPasskey passkey = listed.get(0);
        assertTrue(passkey.hasCredentialId(created.credentialId()));
        assertEquals(phone.credentials().get(0).idHex(), passkey.id());
        assertTrue(passkey.removable(), "the password still signs in, so the passkey may go");

        var signedIn = assertInstanceOf(LoginOutcome.Completed.class, signIn(phone));
        assertEquals(email, signedIn.session().identity().orElseThrow().traits().text("email").orElseThrow());

        SettingsFlow again = LIVE.kratos().settings().start(token);
        SettingsOutcome removed = LIVE.kratos().settings().submit(again,
                SettingsMethod.Passkey.remove(RegisteredPasskey.in(again.ui()).get(0)));
        assertTrue(RegisteredPasskey.in(assertInstanceOf(SettingsOutcome.Saved.class, removed).flow().ui()).isEmpty());

        // The device still holds the key; Kratos no longer knows its user handle.
        var refused = assertInstanceOf(LoginOutcome.NeedsInput.class, signIn(phone));
        assertEquals(PasskeyFailure.UNKNOWN_PASSKEY, PasskeyFailure.in(refused.flow().ui()).orElseThrow());
    }

    @Test
    void aTamperedSignatureIsRefusedAndTheSameFlowAcceptsTheRealOne() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.withOrigin(WEB_ORIGIN);
        SessionToken token = LIVE.register(Live.newEmail("passkey-tamper"), Live.PASSWORD);
        if (!addPasskey(phone, token)) {
            return;
        }
        LoginFlow flow = LIVE.kratos().login().start();
        PasskeyRequestOptions options = PasskeyRequestOptions.from(flow.ui()).orElseThrow();

        String genuine = phone.authenticate(options.json());
        ObjectNode tampered = (ObjectNode) readTree(genuine);
        ((ObjectNode) tampered.path("response")).put("signature", flipLastByte(tampered.path("response").path("signature").asText()));
        LoginOutcome refused = LIVE.kratos().login().submit(flow, LoginMethod.Passkey.of(PasskeyAssertion.parse(tampered.toString())));

        var needs = assertInstanceOf(LoginOutcome.NeedsInput.class, refused);
        assertEquals(PasskeyFailure.ASSERTION_REJECTED, PasskeyFailure.in(needs.flow().ui()).orElseThrow(() -> new AssertionError(
                "no passkey failure among " + needs.flow().ui().allMessages())));
        assertTrue(options.allowCredentialIds().isEmpty(), "first-factor passkey login is discoverable");
        assertEquals(options, PasskeyRequestOptions.from(needs.flow().ui()).orElseThrow(), "Kratos keeps the challenge");
        LoginOutcome retried = LIVE.kratos().login().submit(needs.flow(),
                LoginMethod.Passkey.of(PasskeyAssertion.parse(phone.authenticate(options.json()))));
        assertInstanceOf(LoginOutcome.Completed.class, retried);
    }

    @Test
    void anAssertionFromAnOriginTheServerDoesNotTrustIsRefused() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.withOrigin(WEB_ORIGIN);
        if (!addPasskey(phone, LIVE.register(Live.newEmail("passkey-origin"), Live.PASSWORD))) {
            return;
        }
        LoginFlow flow = LIVE.kratos().login().start();
        ObjectNode assertion = (ObjectNode) readTree(phone.authenticate(
                PasskeyRequestOptions.from(flow.ui()).orElseThrow().json()));
        ObjectNode response = (ObjectNode) assertion.path("response");
        String clientData = new String(java.util.Base64.getUrlDecoder().decode(response.path("clientDataJSON").asText()),
                java.nio.charset.StandardCharsets.UTF_8).replace(WEB_ORIGIN, "https://phishing.example");
        response.put("clientDataJSON", java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(clientData.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        LoginOutcome refused = LIVE.kratos().login().submit(flow, LoginMethod.Passkey.of(PasskeyAssertion.parse(assertion.toString())));

        var needs = assertInstanceOf(LoginOutcome.NeedsInput.class, refused);
        assertEquals(PasskeyFailure.ASSERTION_REJECTED, PasskeyFailure.in(needs.flow().ui()).orElseThrow(() -> new AssertionError(
                "no passkey failure among " + needs.flow().ui().allMessages())));
    }

    @Test
    void aPasskeyCreatedForAnotherFlowsChallengeIsAnError() {
        SoftwareAuthenticator phone = SoftwareAuthenticator.withOrigin(WEB_ORIGIN);
        SessionToken token = LIVE.register(Live.newEmail("passkey-stale"), Live.PASSWORD);
        SettingsFlow first = LIVE.kratos().settings().start(token);
        SettingsFlow second = LIVE.kratos().settings().start(token);
        if (!nativeSettingsOfferPasskeys(first)) {
            return;
        }
        PasskeyRegistration forFirst = PasskeyRegistration.parse(
                phone.register(PasskeyCreationOptions.from(first.ui()).orElseThrow().json()));

        assertFalse(forFirst.answers(PasskeyCreationOptions.from(second.ui()).orElseThrow()),
                "the library can tell before sending");
        KratosErrorException error = assertThrows(KratosErrorException.class,
                () -> LIVE.kratos().settings().submit(second, SettingsMethod.Passkey.add(forFirst)));
        assertEquals(500, error.status(), error.error().summary());
        assertTrue(error.error().reason().orElse("").contains("Unable to create WebAuthn credential"), error.error().summary());
    }

    /** Adds a passkey in settings; false (after asserting why) where native settings offer none. */
    private static boolean addPasskey(SoftwareAuthenticator phone, SessionToken token) {
        SettingsFlow settings = LIVE.kratos().settings().start(token);
        if (!nativeSettingsOfferPasskeys(settings)) {
            return false;
        }
        PasskeyRegistration created = PasskeyRegistration.parse(
                phone.register(PasskeyCreationOptions.from(settings.ui()).orElseThrow().json()));
        assertInstanceOf(SettingsOutcome.Saved.class, LIVE.kratos().settings().submit(settings, SettingsMethod.Passkey.add(created)));
        return true;
    }

    private static LoginOutcome signIn(SoftwareAuthenticator phone) {
        LoginFlow flow = LIVE.kratos().login().start();
        PasskeyRequestOptions options = PasskeyRequestOptions.from(flow.ui()).orElseThrow();
        return LIVE.kratos().login().submit(flow, LoginMethod.Passkey.of(PasskeyAssertion.parse(phone.authenticate(options.json()))));
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static String flipLastByte(String base64url) {
        byte[] bytes = java.util.Base64.getUrlDecoder().decode(base64url);
        bytes[bytes.length - 1] ^= 0x01;
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
