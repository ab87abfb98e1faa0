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
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one set-up of the live suite: a test class registers its Kratos configuration once,
 * <pre>{@code
 * @RegisterExtension
 * static final Live LIVE = Live.on(KratosServer.defaults());
 * }</pre>
 * and gets the server (skipped with one line when there is no Kratos, as {@link KratosServer} does),
 * one client connected to it for the whole class (closed after it), and the suite's helpers: unique
 * users, registration, codes from the mailbox.
 */
final class Live implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    static final String PASSWORD = "correct-horse-battery-staple-42";
    static final Duration CODE_WAIT = Duration.ofSeconds(15);

    private final KratosServer server;
    private volatile Kratos kratos;

    private Live(KratosServer server) {
        this.server = server;
    }

    /** {@return the fixture for a class whose tests run against {@code server}} */
    static Live on(KratosServer server) {
        return new Live(server);
    }

    /** {@return the Kratos server of this class} */
    KratosServer server() {
        return server;
    }

    /** {@return the client of this class, connected to {@link #server()} on first use} */
    synchronized Kratos kratos() {
        if (kratos == null) {
            kratos = Kratos.connect(KratosConfig.builder().publicUrl(server.publicUrl().toString())
                    .adminUrl(server.adminUrl().toString()).timeout(Duration.ofSeconds(10)).build());
        }
        return kratos;
    }

    static String newEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** {@return the last code Kratos mailed to the address for this purpose, waiting for it} */
    String code(String email, CodePurpose purpose) {
        return server.mail().lastCodeFor(email, purpose, CODE_WAIT);
    }

    /**
     * {@return a code sent after {@code previous}, waiting for it to arrive} The kit's mailbox returns
     * the newest code it holds, which until delivery is the previous one.
     */
    String newCode(String email, CodePurpose purpose, String previous) {
        long deadline = System.nanoTime() + CODE_WAIT.toNanos();
        while (true) {
            String code = code(email, purpose);
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
    SessionToken register(String email, String password) {
        RegistrationOutcome outcome = kratos().registration().submit(kratos().registration().start(),
                new RegistrationMethod.Password(Traits.email(email), Secret.of(password)));
        if (outcome instanceof RegistrationOutcome.Completed done && done.token().isPresent()) {
            return done.token().get();
        }
        throw new AssertionError("registration did not complete with a session: " + outcome);
    }

    // The server's own callbacks, so that one registration serves both (skip, start, share).

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return server.evaluateExecutionCondition(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server.beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.beforeEach(context);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (kratos != null) {
            kratos.close();
            kratos = null;
        }
    }
}
