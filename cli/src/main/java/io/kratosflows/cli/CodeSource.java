package io.kratosflows.cli;

import io.kratosflows.testkit.CodePurpose;
import io.kratosflows.testkit.CourierMessage;
import io.kratosflows.testkit.KratosAdmin;
import io.kratosflows.testkit.MailMessage;
import io.kratosflows.testkit.Mailbox;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Where the demo reads the one-time codes Kratos mails: the test kit's SMTP sink (a Kratos the
 * demo started) or Kratos's admin courier API ({@code GET /admin/courier/messages}, an external
 * Kratos with {@code --admin-url}).
 */
interface CodeSource {

    /** The newest code sent to {@code email} for {@code purpose}, waiting up to {@code timeout}. */
    Optional<String> await(String email, CodePurpose purpose, Duration timeout);

    /** Where codes come from, for the demo's output. */
    String describe();

    /** Codes from the mailbox of a Kratos the demo started (SMTP sink, courier queue as fallback). */
    static CodeSource mailbox(Mailbox mailbox) {
        return new CodeSource() {
            @Override
            public Optional<String> await(String email, CodePurpose purpose, Duration timeout) {
                try {
                    return Optional.of(mailbox.lastCodeFor(email, purpose, timeout));
                } catch (AssertionError noMailInTime) {
                    return Optional.empty();
                }
            }

            @Override
            public String describe() {
                return "the built-in SMTP sink on 127.0.0.1:" + mailbox.smtpPort().orElse(0);
            }
        };
    }

    /** Codes from the admin courier API of an external Kratos. */
    static CodeSource courier(URI adminUrl) {
        KratosAdmin admin = KratosAdmin.connect(adminUrl);
        return new CodeSource() {
            @Override
            public Optional<String> await(String email, CodePurpose purpose, Duration timeout) {
                long deadline = System.nanoTime() + timeout.toNanos();
                while (true) {
                    List<MailMessage> newestFirst = new ArrayList<>(admin.courierMessages(email).stream()
                            .map(CourierMessage::toMailMessage).toList());
                    Collections.reverse(newestFirst);
                    Optional<String> code = newestFirst.stream().filter(purpose::matches).map(MailMessage::code)
                            .flatMap(Optional::stream).findFirst();
                    if (code.isPresent() || System.nanoTime() - deadline >= 0) {
                        return code;
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Optional.empty();
                    }
                }
            }

            @Override
            public String describe() {
                return "the admin courier API at " + adminUrl;
            }
        };
    }
}
