package io.kratosflows.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The mail Kratos sent, for tests that need the code from a login, registration, recovery or
 * verification mail. Reads the testkit's SMTP sink (Kratos's courier delivers to it) and falls back
 * to Kratos's courier queue ({@code GET /admin/courier/messages?recipient=…}) when the sink has
 * nothing, or when there is no sink because the tests use an already running Kratos. With a sink,
 * the queue is consulted only after half the timeout has passed: it holds a message as soon as it
 * is queued, and reading it at once would hide a broken SMTP path.
 *
 * <p>Kratos's courier delivers about a second after the request that queued a mail, so the
 * {@code lastCodeFor} methods poll (every 100 ms) until their timeout. "Last" means the newest
 * matching message at the time of the call: a test that asks for a second code should wait until
 * {@link #messagesFor} has grown, or it may read the first one.
 */
public final class Mailbox {

    /** Something that lists the messages sent to one address, oldest first. */
    interface Source {
        List<MailMessage> messagesFor(String address);
    }

    private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

    private final OptionalInt smtpPort;
    private final Source smtpSource;
    private final Source courier;
    private final Duration pollInterval;

    /** A mailbox over the kit's SMTP sink (if it started one) and Kratos's courier queue. */
    Mailbox(Optional<SmtpSink> smtp, Source courier) {
        this(smtp.map(s -> OptionalInt.of(s.port())).orElseGet(OptionalInt::empty),
                smtp.<Source>map(s -> s).orElse(address -> List.of()), courier,
                DEFAULT_POLL_INTERVAL);
    }

    /** For tests: any two sources; a present {@code smtpPort} means "there is a sink". */
    Mailbox(OptionalInt smtpPort, Source smtpSource, Source courier, Duration pollInterval) {
        this.smtpPort = Objects.requireNonNull(smtpPort, "smtpPort");
        this.smtpSource = Objects.requireNonNull(smtpSource, "smtpSource");
        this.courier = Objects.requireNonNull(courier, "courier");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** The loopback port of the SMTP sink Kratos delivers to; empty for a Kratos the kit did not start. */
    public OptionalInt smtpPort() {
        return smtpPort;
    }

    /**
     * The messages sent to {@code address}, oldest first: those the SMTP sink received, or, when
     * it has none for that address, those in Kratos's courier queue.
     */
    public List<MailMessage> messagesFor(String address) {
        Objects.requireNonNull(address, "address");
        List<MailMessage> delivered = smtpSource.messagesFor(address);
        return delivered.isEmpty() ? courier.messagesFor(address) : List.copyOf(delivered);
    }

    /**
     * The six-digit code in the newest message to {@code address} that holds one, waiting up to
     * {@code timeout} for it to arrive.
     *
     * @throws AssertionError when no such message arrived in time (the message lists what did)
     */
    public String lastCodeFor(String address, Duration timeout) {
        return lastCode(address, m -> true, "code", timeout);
    }

    /**
     * The six-digit code in the newest message to {@code address} sent for {@code purpose},
     * waiting up to {@code timeout} for it to arrive.
     *
     * @throws AssertionError when no such message arrived in time (the message lists what did)
     */
    public String lastCodeFor(String address, CodePurpose purpose, Duration timeout) {
        Objects.requireNonNull(purpose, "purpose");
        return lastCode(address, purpose::matches, purpose.name().toLowerCase(Locale.ROOT) + " code", timeout);
    }

    private String lastCode(String address, Predicate<MailMessage> wanted, String what,
            Duration timeout) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(timeout, "timeout");
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        // With a sink, give SMTP half the time before trusting the queue: the queue holds a
        // message before delivery, and a test of the kit should see the real mail path work.
        long fallbackAt = smtpPort.isPresent() ? start + timeout.toNanos() / 2 : start;
        List<MailMessage> delivered = List.of();
        List<MailMessage> queued = List.of();
        while (true) {
            delivered = smtpSource.messagesFor(address);
            Optional<String> code = newestCode(delivered, wanted);
            if (code.isPresent()) {
                return code.get();
            }
            long now = System.nanoTime();
            if (now - fallbackAt >= 0) {
                queued = courier.messagesFor(address);
                code = newestCode(queued, wanted);
                if (code.isPresent()) {
                    return code.get();
                }
            }
            if (now - deadline >= 0) {
                throw new AssertionError("no " + what + " for " + address + " within " + timeout
                        + "; SMTP sink had " + describe(delivered) + ", courier queue had "
                        + describe(queued));
            }
            sleep();
        }
    }

    private static Optional<String> newestCode(List<MailMessage> messages,
            Predicate<MailMessage> wanted) {
        List<MailMessage> newestFirst = new ArrayList<>(messages);
        Collections.reverse(newestFirst);
        return newestFirst.stream().filter(wanted).map(MailMessage::code)
                .flatMap(Optional::stream).findFirst();
    }

    private static String describe(List<MailMessage> messages) {
        return messages.isEmpty() ? "nothing" : messages.stream()
                .map(m -> "'" + m.subject() + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for mail", e);
        }
    }
}
