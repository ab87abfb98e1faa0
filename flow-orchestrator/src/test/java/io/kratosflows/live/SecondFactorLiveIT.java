package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Aal;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOptions;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.settings.SettingsFlow;
import io.kratosflows.settings.SettingsMethod;
import io.kratosflows.settings.SettingsOutcome;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.testkit.Totp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TOTP and lookup-secret second factors under strict AAL ({@code required_aal: highest_available}
 * for whoami and settings): the identity is withheld after the first factor until the second.
 */
class SecondFactorLiveIT {

    @RegisterExtension
    static final Live LIVE = Live.on(KratosServer.builder().name("strict-aal")
            .set("session.whoami.required_aal", "highest_available")
            .set("selfservice.flows.settings.required_aal", "highest_available")
            .build());

    /** Registers, links TOTP through settings and returns the TOTP secret. */
    private static String registerWithTotp(String email) {
        SessionToken token = LIVE.register(email, Live.PASSWORD);
        SettingsFlow settings = LIVE.kratos().settings().start(token);
        String secret = settings.totpSecret().orElseThrow().reveal();
        var linked = LIVE.kratos().settings().submit(settings, SettingsMethod.Totp.link(Secret.of(Totp.freshCode(secret))));
        assertInstanceOf(SettingsOutcome.Saved.class, linked, "TOTP linked");
        return secret;
    }

    @Test
    void totpSecondFactor() {
        String email = Live.newEmail("totp");
        String secret = registerWithTotp(email);

        var first = LIVE.kratos().login().submit(LIVE.kratos().login().start(), new LoginMethod.Password(email, Secret.of(Live.PASSWORD)));
        var partial = assertInstanceOf(LoginOutcome.SecondFactorRequired.class, first);
        assertTrue(partial.session().identity().isEmpty(), "Kratos withholds the identity");
        assertInstanceOf(WhoamiOutcome.SecondFactorRequired.class, LIVE.kratos().sessions().whoami(partial.token()));
        var settingsError = assertThrows(KratosErrorException.class, () -> LIVE.kratos().settings().start(partial.token()));
        assertTrue(settingsError.error().is("session_aal2_required"));

        LoginFlow second = LIVE.kratos().login().start(LoginOptions.secondFactor(partial.token()));
        var wrong = LIVE.kratos().login().submit(second, new LoginMethod.Totp(Secret.of("000000")));
        var done = LIVE.kratos().login().submit(second, new LoginMethod.Totp(Secret.of(Totp.freshCode(secret))));

        assertEquals(Aal.AAL2, second.requestedAal());
        assertTrue(assertInstanceOf(LoginOutcome.NeedsInput.class, wrong).flow().ui().hasMessage(4000008));
        var completed = assertInstanceOf(LoginOutcome.Completed.class, done);
        assertEquals(Aal.AAL2, completed.session().aal());
        assertEquals(partial.token(), completed.token(), "the same session was raised to aal2");
        var whoami = assertInstanceOf(WhoamiOutcome.Active.class, LIVE.kratos().sessions().whoami(completed.token()));
        assertTrue(whoami.session().identity().isPresent());
    }

    @Test
    void lookupSecretSecondFactorAndReuse() {
        String email = Live.newEmail("lookup");
        String secret = registerWithTotp(email);
        SessionToken token = aal2Session(email, secret);
        SettingsFlow settings = LIVE.kratos().settings().start(token);

        var regenerated = assertInstanceOf(SettingsOutcome.LookupSecretsShown.class,
                LIVE.kratos().settings().submit(settings, SettingsMethod.LookupSecret.regenerate()));
        List<Secret> codes = regenerated.codes();
        assertInstanceOf(SettingsOutcome.Saved.class,
                LIVE.kratos().settings().submit(regenerated.flow(), new SettingsMethod.LookupSecret(SettingsMethod.LookupSecret.Action.CONFIRM)));
        assertEquals(12, codes.size());

        SessionToken fresh = firstFactor(email);
        var used = LIVE.kratos().login().submit(LIVE.kratos().login().start(LoginOptions.secondFactor(fresh)), new LoginMethod.LookupSecret(codes.get(0)));
        SessionToken another = firstFactor(email);
        var reused = LIVE.kratos().login().submit(LIVE.kratos().login().start(LoginOptions.secondFactor(another)), new LoginMethod.LookupSecret(codes.get(0)));

        assertEquals(Aal.AAL2, assertInstanceOf(LoginOutcome.Completed.class, used).session().aal());
        assertTrue(assertInstanceOf(LoginOutcome.NeedsInput.class, reused).flow().ui().hasMessage(4000012));
    }

    private static SessionToken firstFactor(String email) {
        var outcome = LIVE.kratos().login().submit(LIVE.kratos().login().start(), new LoginMethod.Password(email, Secret.of(Live.PASSWORD)));
        return assertInstanceOf(LoginOutcome.SecondFactorRequired.class, outcome).token();
    }

    private static SessionToken aal2Session(String email, String secret) {
        SessionToken token = firstFactor(email);
        var outcome = LIVE.kratos().login().submit(LIVE.kratos().login().start(LoginOptions.secondFactor(token)),
                new LoginMethod.Totp(Secret.of(Totp.freshCode(secret))));
        return assertInstanceOf(LoginOutcome.Completed.class, outcome).token();
    }
}
