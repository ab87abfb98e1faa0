package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Secret;
import io.kratosflows.Traits;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.verification.VerificationMethod;
import io.kratosflows.verification.VerificationOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code require_verified_address} login hook: an unverified address cannot sign in until verified. */
class VerifiedAddressLiveIT {

    @RegisterExtension
    static final Live LIVE = Live.on(KratosServer.builder().name("verified-address")
            .set("selfservice.flows.login.after.password.hooks", List.of(Map.of("hook", "require_verified_address")))
            .build());

    @Test
    void unverifiedAddressCannotSignInUntilVerified() {
        String email = Live.newEmail("unverified");
        var registered = assertInstanceOf(RegistrationOutcome.Completed.class, LIVE.kratos().registration().submit(
                LIVE.kratos().registration().start(), new RegistrationMethod.Password(Traits.email(email), Secret.of(Live.PASSWORD))));
        String code = LIVE.code(email, CodePurpose.VERIFICATION);

        var refused = LIVE.kratos().login().submit(LIVE.kratos().login().start(), new LoginMethod.Password(email, Secret.of(Live.PASSWORD)));
        if (LIVE.server().version().isLegacyLine()) {
            // Kratos v1.x answers with the login flow and message 4000010 "address not verified".
            var needsInput = assertInstanceOf(LoginOutcome.NeedsInput.class, refused);
            assertTrue(needsInput.flow().ui().hasMessage(4000010), needsInput.flow().ui().allMessages().toString());
        } else {
            var required = assertInstanceOf(LoginOutcome.VerificationRequired.class, refused);
            assertTrue(required.error().is("session_verified_address_required"));
            assertTrue(required.verificationFlow().isPresent());
        }

        var flow = LIVE.kratos().verification().fetch(registered.verificationFlow().orElseThrow());
        assertInstanceOf(VerificationOutcome.Verified.class, LIVE.kratos().verification().submit(flow, VerificationMethod.Code.submit(Secret.of(code))));
        var allowed = LIVE.kratos().login().submit(LIVE.kratos().login().start(), new LoginMethod.Password(email, Secret.of(Live.PASSWORD)));

        assertInstanceOf(LoginOutcome.Completed.class, allowed);
    }
}
