package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Kratos;
import io.kratosflows.Secret;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.testkit.OidcTestProvider;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Native id-token sign-in ({@code oidc} with {@code id_token} and {@code id_token_nonce}, as an app
 * does after Sign in with Apple or Google's SDK) against a real Kratos, no browser involved.
 *
 * <p>Kratos verifies native id tokens only for provider types that implement it. Apple's and
 * Google's verify against their fixed public JWKS URLs, which no test can point at a loopback
 * issuer; Kratos's own {@code fedcm-test} type (v25.4+) verifies with a fixed test key, which
 * {@link OidcTestProvider#fedcmTestIdToken} signs with. So this runs Kratos's real id-token path
 * (claims, nonce check, sign-up, sign-in) with that type; only the key source differs from Google.
 * Kratos v1.3 has no such type: there the test asserts how it refuses an id token.
 */
class OidcIdTokenLiveIT {

    @RegisterExtension
    @Order(1)
    static final OidcTestProvider PROVIDER = OidcTestProvider.start();
    @RegisterExtension
    @Order(2)
    static final Live LIVE = Live.on(KratosServer.builder().name("oidc-id-token")
            .oidcProvider("test", PROVIDER).idTokenTestProvider("native").build());

    private static boolean hasIdTokenProvider() {
        return LIVE.server().version().isAtLeast(25, 4);
    }

    @Test
    void signsUpAndSignsInWithANativeIdToken() {
        OidcTestProvider.User user = OidcTestProvider.User.of("native-" + UUID.randomUUID(), Live.newEmail("id-token"));
        if (!hasIdTokenProvider()) {
            assertRefused("does not support id_token verification", LoginMethod.Oidc.idToken("test",
                    Secret.of(PROVIDER.idToken(user, java.util.Optional.of("n-1"))), "n-1"));
            return;
        }
        String nonce = "nonce-" + UUID.randomUUID();

        RegistrationOutcome signUp = LIVE.kratos().registration().submit(LIVE.kratos().registration().start(),
                RegistrationMethod.Oidc.idToken("native", Secret.of(PROVIDER.fedcmTestIdToken(user, nonce)), nonce));
        String again = "nonce-" + UUID.randomUUID();
        LoginOutcome signIn = LIVE.kratos().login().submit(LIVE.kratos().login().start(),
                LoginMethod.Oidc.idToken("native", Secret.of(PROVIDER.fedcmTestIdToken(user, again)), again));

        var registered = assertInstanceOf(RegistrationOutcome.Completed.class, signUp);
        assertTrue(registered.token().isPresent(), "the session hook signs the new identity in");
        assertEquals(user.email().orElseThrow(), registered.identity().traits().text("email").orElseThrow());
        var done = assertInstanceOf(LoginOutcome.Completed.class, signIn);
        assertEquals(registered.identity().id(), done.session().identity().orElseThrow().id());
        assertEquals("native", done.session().authenticationMethods().get(0).provider().orElseThrow());
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        if (!hasIdTokenProvider()) {
            return; // covered above: v1.3 refuses every native id token
        }
        OidcTestProvider.User user = OidcTestProvider.User.of("nonce-" + UUID.randomUUID(), Live.newEmail("id-token-nonce"));

        assertRefused("The supplied nonce does not match the nonce from the id_token", LoginMethod.Oidc.idToken("native",
                Secret.of(PROVIDER.fedcmTestIdToken(user, "the-nonce-the-sdk-used")), "another-nonce"));
        assertRefused("No nonce was provided", new LoginMethod.Oidc("native",
                java.util.Optional.of(Secret.of(PROVIDER.fedcmTestIdToken(user, "n"))), java.util.Optional.empty()));
    }

    @Test
    void aProviderTypeWithoutIdTokenSupportRefusesOne() {
        OidcTestProvider.User user = OidcTestProvider.User.of("generic-" + UUID.randomUUID(), Live.newEmail("id-token-generic"));

        assertRefused("does not support id_token verification", LoginMethod.Oidc.idToken("test",
                Secret.of(PROVIDER.idToken(user, java.util.Optional.of("n"))), "n"));
    }

    /**
     * Kratos refuses a native id token with {@code 502 upstream_error} (an error envelope, not a
     * flow), whose reason says why; the library reports it as a {@link KratosErrorException}.
     * Kratos v1.3 answers a provider without id-token support with a plain 500.
     */
    private static void assertRefused(String reason, LoginMethod.Oidc method) {
        KratosErrorException refused = assertThrows(KratosErrorException.class,
                () -> LIVE.kratos().login().submit(LIVE.kratos().login().start(), method));
        if (LIVE.server().version().isLegacyLine()) {
            assertEquals(500, refused.status(), refused.error().summary());
            return;
        }
        assertEquals(502, refused.status(), refused.error().summary());
        assertTrue(refused.error().is("upstream_error"), refused.error().summary());
        assertTrue(refused.error().reason().orElse("").contains(reason), refused.error().summary());
    }
}
