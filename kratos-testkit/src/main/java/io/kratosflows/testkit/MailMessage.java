package io.kratosflows.testkit;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message Kratos sent to an address, as the tests see it: read from the SMTP sink, or from the
 * admin courier API ({@code GET /admin/courier/messages}) when no SMTP copy is there.
 *
 * @param recipient the address it was sent to
 * @param subject   the subject line ({@code Use code 123456 to log in})
 * @param body      the plain-text body (the text part of a multipart mail)
 * @param source    where the testkit read it
 */
public record MailMessage(String recipient, String subject, String body, Source source) {

    /**
     * A six-digit code standing alone: Kratos's codes are six digits ({@code (\d{6})} in its own
     * tests); the look-arounds stop a match inside a longer number or a flow id.
     */
    private static final Pattern CODE = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})(?![0-9A-Za-z])");

    /** Where a {@link MailMessage} was read. */
    public enum Source {
        /** Delivered over SMTP to the testkit's sink. */
        SMTP,
        /** Read from Kratos's courier queue through the admin API. */
        COURIER
    }

    /** Validates the components; absent texts become empty strings. */
    public MailMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(source, "source");
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
    }

    /**
     * The six-digit code in this message: the subject is searched first (the built-in templates of
     * v25.4 and later put the code there, away from links), then the body (where v1.x has it).
     */
    public Optional<String> code() {
        return findCode(subject).or(() -> findCode(body));
    }

    /** The first stand-alone six-digit number in {@code text}. */
    static Optional<String> findCode(String text) {
        Matcher m = CODE.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
