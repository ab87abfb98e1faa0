package io.kratosflows.contract;

import static io.kratosflows.contract.PactSupport.CODE;
import static io.kratosflows.contract.PactSupport.CONSUMER;
import static io.kratosflows.contract.PactSupport.EMAIL;
import static io.kratosflows.contract.PactSupport.FLOW_ID;
import static io.kratosflows.contract.PactSupport.IDENTITY_ID;
import static io.kratosflows.contract.PactSupport.LOOKUP_CODE;
import static io.kratosflows.contract.PactSupport.NEW_FLOW_ID;
import static io.kratosflows.contract.PactSupport.PASSWORD;
import static io.kratosflows.contract.PactSupport.PROVIDER;
import static io.kratosflows.contract.PactSupport.S_EMAIL;
import static io.kratosflows.contract.PactSupport.S_FLOW_ID;
import static io.kratosflows.contract.PactSupport.S_TOTP;
import static io.kratosflows.contract.PactSupport.TOKEN;
import static io.kratosflows.contract.PactSupport.WRONG_CODE;
import static io.kratosflows.contract.PactSupport.acceptsJson;
import static io.kratosflows.contract.PactSupport.error;
import static io.kratosflows.contract.PactSupport.flow;
import static io.kratosflows.contract.PactSupport.identity;
import static io.kratosflows.contract.PactSupport.kratos;
import static io.kratosflows.contract.PactSupport.submit;
import static io.kratosflows.contract.PactSupport.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.kratosflows.FlowId;
import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.Traits;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testing.Samples;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pins what kratos-flows relies on in Kratos's native settings: starting and fetching with a
 * session token, saving profile, password, TOTP and backup codes, validation errors, the 403s
 * that ask for re-authentication or a second factor, social linking and expiry.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class SettingsPactTest {

    private static final Map<String, Object> ADA = Map.of("email", EMAIL, "password", PASSWORD);
    private static final String NEW_PASSWORD = "another-horse-battery-staple-43";
    private static final String BROWSER_LOGIN = "http://127.0.0.1:4433/self-service/login/browser?refresh=true";

    private static PactDslJsonBody method(String method) {
        return new PactDslJsonBody().stringValue("method", method);
    }

    private static PactDslJsonBody saved() {
        return flow("settings").state("success").message(1050001, "success").build();
    }

    @Pact(consumer = CONSUMER)
    V4Pact startSettings(PactDslWithProvider builder) {
        return withToken(acceptsJson(builder.given(ProviderStates.SESSION, ADA)
                .uponReceiving("start a native settings flow with the session token")
                .path("/self-service/settings/api").method("GET")))
                .willRespondWith().status(200)
                .body(flow("settings").state("show_form").with(b -> identity(b, "identity"))
                        .input("profile", "traits.email").input("password", "password")
                        .node(n -> n.stringValue("group", "totp")
                                .object("attributes").stringValue("id", "totp_secret_key").stringValue("node_type", "text")
                                .object("text").stringType("text", "JBSWY3DPEHPK3PXP").closeObject().closeObject())
                        .build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "startSettings")
    void startReturnsTheFormForTheSessionsIdentity(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            SettingsFlow flow = kratos.settings().start(SessionToken.of(TOKEN));

            assertEquals(FLOW_ID, flow.id().value());
            assertEquals(IDENTITY_ID, flow.identity().orElseThrow().id().value());
            assertEquals(SessionToken.of(TOKEN), flow.sessionToken());
            assertTrue(flow.methods().containsAll(List.of("profile", "password", "totp")), flow.methods()::toString);
            assertTrue(flow.totpSecret().isPresent());
            assertFalse(flow.saved());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact startSettingsWithoutSecondFactor(PactDslWithProvider builder) {
        return withToken(acceptsJson(builder.given(ProviderStates.AAL1_SESSION_WITH_TOTP, ADA)
                .uponReceiving("start a settings flow with a session that lacks its second factor")
                .path("/self-service/settings/api").method("GET")))
                .willRespondWith().status(403)
                .body(error("session_aal2_required", 403))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "startSettingsWithoutSecondFactor")
    void startWithoutSecondFactorIsAKratosError(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            KratosErrorException e = assertThrows(KratosErrorException.class, () -> kratos.settings().start(SessionToken.of(TOKEN)));

            assertEquals(403, e.status());
            assertTrue(e.error().is("session_aal2_required"), e.error()::summary);
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact fetchSettings(PactDslWithProvider builder) {
        return withToken(acceptsJson(builder.given(ProviderStates.SETTINGS_FLOW, ADA)
                .uponReceiving("fetch a settings flow by id with the session token")
                .path("/self-service/settings/flows").method("GET")
                .queryParameterFromProviderState("id", S_FLOW_ID, FLOW_ID)))
                .willRespondWith().status(200)
                .body(flow("settings").with(b -> identity(b, "identity")).input("password", "password").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "fetchSettings")
    void fetchReturnsTheFlow(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            SettingsFlow flow = kratos.settings().fetch(FlowId.of(FLOW_ID), SessionToken.of(TOKEN));

            assertEquals(FLOW_ID, flow.id().value());
            assertTrue(flow.identity().isPresent());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact saveProfile(PactDslWithProvider builder) {
        PactDslJsonBody body = (PactDslJsonBody) method("profile").object("traits")
                .valueFromProviderState("email", S_EMAIL, EMAIL)
                .object("name").stringValue("first", "Ada").stringValue("last", "Lovelace").closeObject()
                .closeObject();
        return withToken(submit(builder.given(ProviderStates.SETTINGS_FLOW, ADA)
                .uponReceiving("save new traits in a settings flow")
                .path("/self-service/settings"), body))
                .willRespondWith().status(200)
                .body(saved())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "saveProfile")
    void profileIsSaved(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            Traits traits = Traits.of(Map.of("email", EMAIL, "name", Map.of("first", "Ada", "last", "Lovelace")));
            SettingsOutcome outcome = kratos.settings().submit(Samples.settings(SessionToken.of(TOKEN)), new SettingsMethod.Profile(traits));

            SettingsOutcome.Saved saved = assertInstanceOf(SettingsOutcome.Saved.class, outcome);
            assertTrue(saved.flow().saved());
            assertTrue(saved.flow().ui().hasMessage(1050001));
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact savePassword(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.SETTINGS_FLOW, ADA)
                .uponReceiving("save a new password in a settings flow")
                .path("/self-service/settings"), method("password").stringValue("password", NEW_PASSWORD)))
                .willRespondWith().status(200)
                .body(saved())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "savePassword")
    void passwordIsSaved(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            SettingsOutcome outcome = kratos.settings().submit(Samples.settings(SessionToken.of(TOKEN)), new SettingsMethod.Password(Secret.of(NEW_PASSWORD)));

            assertTrue(assertInstanceOf(SettingsOutcome.Saved.class, outcome).flow().saved());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact weakPassword(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.SETTINGS_FLOW, ADA)
                .uponReceiving("save a too short password in a settings flow")
                .path("/self-service/settings"), method("password").stringValue("password", "short")))
                .willRespondWith().status(400)
                .body(flow("settings").inputMessage("password", 4000032, "error").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "weakPassword")
    void weakPasswordNeedsInput(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            SettingsOutcome outcome = kratos.settings().submit(Samples.settings(SessionToken.of(TOKEN)), new SettingsMethod.Password(Secret.of("short")));

            SettingsOutcome.NeedsInput needs = assertInstanceOf(SettingsOutcome.NeedsInput.class, outcome);
            assertTrue(needs.flow().ui().hasMessage(4000032));
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact linkTotp(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.SETTINGS_FLOW, ADA)
                .uponReceiving("link an authenticator app with the right TOTP code")
                .path("/self-service/settings"), method("totp").valueFromProviderState("totp_code", S_TOTP, CODE)))
                .willRespondWith().status(200)
                .body(saved())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "linkTotp")
    void totpIsLinked(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            SettingsOutcome outcome = kratos.settings().submit(Samples.settings(SessionToken.of(TOKEN)), SettingsMethod.Totp.link(Secret.of(CODE)));

            assertTrue(assertInstanceOf(SettingsOutcome.Saved.class, outcome).flow().saved());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact wrongTotp(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.SETTINGS_FLOW, ADA)
                .uponReceiving("link an authenticator app with a wrong TOTP code")
                .path("/self-service/settings"), method("totp").stringValue("totp_code", WRONG_CODE)))
                .willRespondWith().status(400)
                .body(flow("settings").inputMessage("totp_code", 4000008, "error").build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "wrongTotp")
    void wrongTotpNeedsInput(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            SettingsOutcome outcome = kratos.settings().submit(Samples.settings(SessionToken.of(TOKEN)), SettingsMethod.Totp.link(Secret.of(WRONG_CODE)));

            SettingsOutcome.NeedsInput needs = assertInstanceOf(SettingsOutcome.NeedsInput.class, outcome);
            assertTrue(needs.flow().ui().hasMessage(4000008));
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact unlinkTotp(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.SETTINGS_FLOW_WITH_TOTP, ADA)
                .uponReceiving("unlink the authenticator app in a settings flow")
                .path("/self-service/settings"), method("totp").booleanValue("totp_unlink", true)))
                .willRespondWith().status(200)
                .body(saved())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "unlinkTotp")
    void totpIsUnlinked(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            SettingsOutcome outcome = kratos.settings().submit(Samples.settings(SessionToken.of(TOKEN)), SettingsMethod.Totp.unlinkApp());

            assertTrue(assertInstanceOf(SettingsOutcome.Saved.class, outcome).flow().saved());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact revealLookupSecrets(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.SETTINGS_FLOW_WITH_LOOKUP_SECRETS, ADA)
                .uponReceiving("reveal the backup codes in a settings flow")
                .path("/self-service/settings"), method("lookup_secret").booleanValue("lookup_secret_reveal", true)))
                .willRespondWith().status(200)
                .body(flow("settings").node(PactSupport::lookupCodes).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "revealLookupSecrets")
    void revealedCodesAreShown(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            SettingsOutcome outcome = kratos.settings().submit(Samples.settings(SessionToken.of(TOKEN)),
                    new SettingsMethod.LookupSecret(SettingsMethod.LookupSecret.Action.REVEAL));

            var shown = assertInstanceOf(SettingsOutcome.LookupSecretsShown.class, outcome);
            assertEquals(List.of(Secret.of(LOOKUP_CODE)), shown.codes());
            assertFalse(shown.confirmationRequired());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact disableLookupSecrets(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.SETTINGS_FLOW_WITH_LOOKUP_SECRETS, ADA)
                .uponReceiving("disable the backup codes in a settings flow")
                .path("/self-service/settings"), method("lookup_secret").booleanValue("lookup_secret_disable", true)))
                .willRespondWith().status(200)
                .body(saved())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "disableLookupSecrets")
    void codesAreDisabled(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            SettingsOutcome outcome = kratos.settings().submit(Samples.settings(SessionToken.of(TOKEN)),
                    new SettingsMethod.LookupSecret(SettingsMethod.LookupSecret.Action.DISABLE));

            assertTrue(assertInstanceOf(SettingsOutcome.Saved.class, outcome).flow().saved());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact regenerateLookupSecrets(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.SETTINGS_FLOW, ADA)
                .uponReceiving("regenerate backup codes in a settings flow")
                .path("/self-service/settings"), method("lookup_secret").booleanValue("lookup_secret_regenerate", true)))
                .willRespondWith().status(200)
                .body(flow("settings")
                        .node(PactSupport::lookupCodes)
                        .input("lookup_secret", "lookup_secret_confirm")
                        .build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "regenerateLookupSecrets")
    void regeneratedCodesAreShown(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            SettingsOutcome outcome = kratos.settings().submit(Samples.settings(SessionToken.of(TOKEN)),
                    new SettingsMethod.LookupSecret(SettingsMethod.LookupSecret.Action.REGENERATE));

            var shown = assertInstanceOf(SettingsOutcome.LookupSecretsShown.class, outcome);
            assertEquals(List.of(Secret.of(LOOKUP_CODE)), shown.codes());
            assertTrue(shown.confirmationRequired(), "stored only once confirmed");
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact confirmLookupSecrets(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.SETTINGS_FLOW_NEW_LOOKUP_SECRETS, ADA)
                .uponReceiving("confirm regenerated backup codes in a settings flow")
                .path("/self-service/settings"), method("lookup_secret").booleanValue("lookup_secret_confirm", true)))
                .willRespondWith().status(200)
                .body(saved())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "confirmLookupSecrets")
    void confirmedCodesAreSaved(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            SettingsOutcome outcome = kratos.settings().submit(Samples.settings(SessionToken.of(TOKEN)),
                    new SettingsMethod.LookupSecret(SettingsMethod.LookupSecret.Action.CONFIRM));

            assertTrue(assertInstanceOf(SettingsOutcome.Saved.class, outcome).flow().saved());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact linkOidc(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.SETTINGS_FLOW, ADA)
                .uponReceiving("link a social sign-in provider in a settings flow")
                .path("/self-service/settings"), method("oidc").stringValue("link", "github")))
                .willRespondWith().status(422)
                .body(error("browser_location_change_required", 422,
                        b -> b.stringMatcher("redirect_browser_to", "https?://.+", "https://github.com/login/oauth/authorize?state=x")))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "linkOidc")
    void linkingNeedsABrowser(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            SettingsOutcome outcome = kratos.settings().submit(Samples.settings(SessionToken.of(TOKEN)), SettingsMethod.Oidc.link("github"));

            SettingsOutcome.BrowserRequired browser = assertInstanceOf(SettingsOutcome.BrowserRequired.class, outcome);
            assertEquals("https://github.com/login/oauth/authorize?state=x", browser.redirectBrowserTo());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact passwordNeedsRefresh(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.SETTINGS_FLOW_PAST_PRIVILEGED_AGE, ADA)
                .uponReceiving("save a new password with a session past the privileged age")
                .path("/self-service/settings"), method("password").stringValue("password", NEW_PASSWORD)))
                .willRespondWith().status(403)
                .body(error("session_refresh_required", 403,
                        b -> b.stringMatcher("redirect_browser_to", "https?://.+", BROWSER_LOGIN)))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "passwordNeedsRefresh")
    void oldSessionMustReauthenticate(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            SettingsOutcome outcome = kratos.settings().submit(Samples.settings(SessionToken.of(TOKEN)), new SettingsMethod.Password(Secret.of(NEW_PASSWORD)));

            SettingsOutcome.RefreshRequired refresh = assertInstanceOf(SettingsOutcome.RefreshRequired.class, outcome);
            assertEquals(Optional.of(BROWSER_LOGIN), refresh.browserUrl());
            assertTrue(refresh.failedReauthentication().isEmpty());
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact profileNeedsSecondFactor(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.SETTINGS_FLOW_AAL1_SESSION, ADA)
                .uponReceiving("save a new password with a session that lacks its second factor")
                .path("/self-service/settings"), method("password").stringValue("password", NEW_PASSWORD)))
                .willRespondWith().status(403)
                .body(error("session_aal2_required", 403))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "profileNeedsSecondFactor")
    void aal1SessionMustAddItsSecondFactor(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            SettingsOutcome outcome = kratos.settings().submit(Samples.settings(SessionToken.of(TOKEN)), new SettingsMethod.Password(Secret.of(NEW_PASSWORD)));

            SettingsOutcome.SecondFactorRequired more = assertInstanceOf(SettingsOutcome.SecondFactorRequired.class, outcome);
            assertTrue(more.error().is("session_aal2_required"));
        }
    }

    @Pact(consumer = CONSUMER)
    V4Pact expiredSettings(PactDslWithProvider builder) {
        return withToken(submit(builder.given(ProviderStates.EXPIRED_SETTINGS_FLOW, ADA)
                .uponReceiving("save a new password in an expired settings flow")
                .path("/self-service/settings"), method("password").stringValue("password", NEW_PASSWORD)))
                .willRespondWith().status(410)
                .body(error("self_service_flow_expired", 410, b -> b.uuid("use_flow_id", NEW_FLOW_ID)))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "expiredSettings")
    void expiredFlowNamesItsReplacement(MockServer server) {
        try (Kratos kratos = kratos(server)) {
            SettingsOutcome outcome = kratos.settings().submit(Samples.settings(SessionToken.of(TOKEN)), new SettingsMethod.Password(Secret.of(NEW_PASSWORD)));

            SettingsOutcome.FlowExpired expired = assertInstanceOf(SettingsOutcome.FlowExpired.class, outcome);
            assertEquals(Optional.of(FlowId.of(NEW_FLOW_ID)), expired.replacement());
        }
    }
}
