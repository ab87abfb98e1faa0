package io.kratosflows.live;

import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.Traits;
import io.kratosflows.registration.RegistrationMethod;
import io.kratosflows.registration.RegistrationOutcome;
import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.KratosServer;
import java.time.Duration;
import java.util.UUID;

/** Shared helpers of the live suite: a client per server, unique users, codes from the mailbox. */
final class Live {

    static final String PASSWORD = "correct-horse-battery-staple-42";
    static final Duration CODE_WAIT = Duration.ofSeconds(15);

    private Live() {
    }

    static Kratos client(KratosServer server) {
        return Kratos.connect(KratosConfig.builder().publicUrl(server.publicUrl().toString())
                .adminUrl(server.adminUrl().toString()).timeout(Duration.ofSeconds(10)).build());
    }

    static String newEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static String code(KratosServer server, String email, CodePurpose purpose) {
        return server.mail().lastCodeFor(email, purpose, CODE_WAIT);
    }

    /**
     * {@return a code sent after {@code previous}, waiting for it to arrive} The kit's mailbox returns
     * the newest code it holds, which until delivery is the previous one.
     */
    static String newCode(KratosServer server, String email, CodePurpose purpose, String previous) {
        long deadline = System.nanoTime() + CODE_WAIT.toNanos();
        while (true) {
            String code = code(server, email, purpose);
            if (!code.equals(previous)) {
                return code;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no new " + purpose + " code for " + email + " within " + CODE_WAIT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Registers with a password (unified style) and returns the session token. */
    static SessionToken register(Kratos kratos, String email, String password) {
        RegistrationOutcome outcome = kratos.registration().submit(kratos.registration().start(),
                new RegistrationMethod.Password(Traits.email(email), Secret.of(password)));
        if (outcome instanceof RegistrationOutcome.Completed done && done.token().isPresent()) {
            return done.token().get();
        }
        throw new AssertionError("registration did not complete with a session: " + outcome);
    }
}
