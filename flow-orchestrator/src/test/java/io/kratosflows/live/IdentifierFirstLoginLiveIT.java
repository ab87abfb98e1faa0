package io.kratosflows.live;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.Secret;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.testkit.KratosServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Identifier-first login ({@code selfservice.flows.login.style: identifier_first}): identifier, then a credential. */
class IdentifierFirstLoginLiveIT {

    @RegisterExtension
    static final Live LIVE = Live.on(KratosServer.builder().name("identifier-first")
            .set("selfservice.flows.login.style", "identifier_first")
            .set("security.account_enumeration.mitigate", false)
            .build());

    @Test
    void identifierThenPassword() {
        String email = Live.newEmail("idfirst");
        LIVE.register(email, Live.PASSWORD);
        var flow = LIVE.kratos().login().start();
        assertTrue(flow.ui().node("password").isEmpty(), "step one asks for the identifier only");

        var next = assertInstanceOf(LoginOutcome.NeedsInput.class,
                LIVE.kratos().login().submit(flow, new LoginMethod.IdentifierFirst(email)));
        var done = LIVE.kratos().login().submit(next.flow(), new LoginMethod.Password(email, Secret.of(Live.PASSWORD)));

        assertTrue(next.flow().ui().node("password").isPresent(), "step two offers the password");
        assertInstanceOf(LoginOutcome.Completed.class, done);
    }

    @Test
    void unknownAccountIsReportedWithoutEnumerationMitigation() {
        var outcome = LIVE.kratos().login().submit(LIVE.kratos().login().start(), new LoginMethod.IdentifierFirst(Live.newEmail("nobody")));

        var needsInput = assertInstanceOf(LoginOutcome.NeedsInput.class, outcome);
        assertTrue(needsInput.flow().ui().hasMessage(4000037), needsInput.flow().ui().allMessages().toString());
    }
}
