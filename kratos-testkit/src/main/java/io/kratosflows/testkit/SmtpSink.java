package io.kratosflows.testkit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A GreenMail SMTP server on one loopback port that Kratos's courier delivers to. Authentication
 * is off, so whatever user and password the connection URI names is accepted.
 */
final class SmtpSink implements Mailbox.Source, AutoCloseable {

    private final GreenMail greenMail;
    private final int port;

    private SmtpSink(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    /**
     * Starts the sink on {@code port} of 127.0.0.1.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    static SmtpSink start(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(setup);
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new IllegalStateException("cannot start the SMTP sink on 127.0.0.1:" + port, e);
        }
        return new SmtpSink(greenMail, greenMail.getSmtp().getPort());
    }

    int port() {
        return port;
    }

    @Override
    public List<MailMessage> messagesFor(String address) {
        List<MailMessage> result = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                if (isAddressedTo(message, address)) {
                    result.add(new MailMessage(address, message.getSubject(), text(message),
                            MailMessage.Source.SMTP));
                }
            } catch (MessagingException e) {
                throw new IllegalStateException("cannot read a mail received for " + address, e);
            }
        }
        return result;
    }

    private static boolean isAddressedTo(MimeMessage message, String address)
            throws MessagingException {
        Address[] recipients = message.getAllRecipients();
        if (recipients == null) {
            return false;
        }
        for (Address recipient : recipients) {
            if (recipient instanceof InternetAddress internet
                    && address.equalsIgnoreCase(internet.getAddress())) {
                return true;
            }
        }
        return false;
    }

    /** The plain-text part (decoded); HTML without its tags only when there is no text part. */
    private static String text(Part part) {
        return plain(part).or(() -> html(part).map(h -> h.replaceAll("<[^>]*>", " ")))
                .orElse("");
    }

    private static Optional<String> plain(Part part) {
        return find(part, "text/plain");
    }

    private static Optional<String> html(Part part) {
        return find(part, "text/html");
    }

    private static Optional<String> find(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return Optional.of(String.valueOf(part.getContent()));
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    Optional<String> found = find(multipart.getBodyPart(i), mimeType);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a part of a received mail", e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
