package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kratosflows.Secret;
import io.kratosflows.Traits;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosServer;
import io.kratosflows.testkit.RegistrationStyle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two-step ({@code profile_first}, the v26 default) registration: profile, choose a credential, back. */
class TwoStepRegistrationLiveIT {

    @RegisterExtension
    static final Live LIVE = Live.on(KratosServer.builder().registrationStyle(RegistrationStyle.PROFILE_FIRST).build());

    @BeforeAll
    static void twoStepExists() {
        assumeTrue(LIVE.server().version().isAtLeast(1, 2),
                "two-step registration exists from Kratos v1.2 on; this server is " + LIVE.server().version().text());
    }

    @Test
    void profileThenBackThenPassword() {
        Traits traits = Traits.email(Live.newEmail("two-step"));
        var flow = LIVE.kratos().registration().start();
        assertTrue(flow.ui().node("password").isEmpty(), "step one asks for traits only");

        var choose = assertInstanceOf(RegistrationOutcome.ChooseMethod.class,
                LIVE.kratos().registration().submit(flow, RegistrationMethod.Profile.submit(traits)));
        var back = LIVE.kratos().registration().submit(choose.flow(), RegistrationMethod.Profile.back(traits));
        if (LIVE.server().version().isLegacyLine()) {
            // Kratos v1.x ignores screen=previous and stays on the credential selection.
            assertInstanceOf(RegistrationOutcome.ChooseMethod.class, back);
        } else {
            var form = assertInstanceOf(RegistrationOutcome.NeedsInput.class, back);
            assertTrue(form.flow().ui().node("traits.email").flatMap(n -> n.input()).map(i -> !i.isHidden()).orElse(false),
                    "back shows the traits form again");
        }
        var again = assertInstanceOf(RegistrationOutcome.ChooseMethod.class,
                LIVE.kratos().registration().submit(choose.flow(), RegistrationMethod.Profile.submit(traits)));
        var done = LIVE.kratos().registration().submit(again.flow(), new RegistrationMethod.Password(traits, Secret.of(Live.PASSWORD)));

        assertTrue(choose.flow().methods().contains("password"));
        assertTrue(assertInstanceOf(RegistrationOutcome.Completed.class, done).token().isPresent());
    }

    @Test
    void profileThenCode() {
        String email = Live.newEmail("two-step-code");
        Traits traits = Traits.email(email);
        var choose = assertInstanceOf(RegistrationOutcome.ChooseMethod.class,
                LIVE.kratos().registration().submit(LIVE.kratos().registration().start(), RegistrationMethod.Profile.submit(traits)));

        var sent = assertInstanceOf(RegistrationOutcome.CodeSent.class,
                LIVE.kratos().registration().submit(choose.flow(), RegistrationMethod.Code.request(traits)));
        String code = LIVE.code(email, CodePurpose.REGISTRATION);

        assertInstanceOf(RegistrationOutcome.Completed.class,
                LIVE.kratos().registration().submit(sent.flow(), RegistrationMethod.Code.submit(traits, Secret.of(code))));
    }
}
