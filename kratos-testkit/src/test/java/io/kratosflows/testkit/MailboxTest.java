package io.kratosflows.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MailboxTest {

    private static final String TO = "user@example.com";
    private static final Duration FAST = Duration.ofMillis(5);

    // Subjects and bodies of Kratos v26.2.0's built-in templates.
    private static final MailMessage LOGIN = smtp("Use code 111111 to log in",
            "Login to your account with the following code:\n\n111111\n");
    private static final MailMessage REGISTRATION = smtp(
            "Use code 222222 to complete your account registration",
            "Complete your account registration with the following code:\n\n222222\n");
    private static final MailMessage RECOVERY = smtp("Use code 333333 to recover access to your account",
            "Recover access to your account by entering the following code:\n\n333333\n");
    private static final MailMessage VERIFICATION = smtp("Use code 444444 to verify your account",
            "Verify your account with the following code:\n\n444444\n\nor clicking the following link:\n"
                    + "http://127.0.0.1:4433/self-service/verification?code=444444&flow=1a2b3c4d-1234-4567-8901-123456789012\n");
    private static final MailMessage UNKNOWN_RECIPIENT = smtp("Account access attempted",
            "Hi, you (or someone else) entered this email address when trying to recover access to an account.");

    private static MailMessage smtp(String subject, String body) {
        return new MailMessage(TO, subject, body, MailMessage.Source.SMTP);
    }

    private static Mailbox mailbox(Mailbox.Source smtp, Mailbox.Source courier, boolean hasSink) {
        return new Mailbox(hasSink ? OptionalInt.of(2525) : OptionalInt.empty(), smtp, courier, FAST);
    }

    @Test
    void extractsSixDigitCodes() {
        assertEquals(Optional.of("123456"), MailMessage.findCode("Use code 123456 to log in"));
        assertEquals(Optional.of("654321"), MailMessage.findCode("code:\n\n654321\n"));
        assertEquals(Optional.empty(), MailMessage.findCode("1234567 is not a code, nor is 12345"));
        assertEquals(Optional.empty(), MailMessage.findCode("flow=a123456b"));
        assertEquals(Optional.of("444444"), VERIFICATION.code());
        assertEquals(Optional.empty(), UNKNOWN_RECIPIENT.code());
    }

    @Test
    void subjectIsSearchedBeforeBody() {
        MailMessage m = smtp("Use code 999999 to log in", "link flow=123456-abcd and code 999999");
        assertEquals(Optional.of("999999"), m.code());
    }

    @Test
    void purposesMatchTheBuiltInTemplates() {
        assertTrue(CodePurpose.LOGIN.matches(LOGIN));
        assertTrue(CodePurpose.REGISTRATION.matches(REGISTRATION));
        assertTrue(CodePurpose.RECOVERY.matches(RECOVERY));
        assertTrue(CodePurpose.VERIFICATION.matches(VERIFICATION));
        for (MailMessage other : List.of(REGISTRATION, RECOVERY, VERIFICATION)) {
            assertFalse(CodePurpose.LOGIN.matches(other), other.subject());
        }
        assertFalse(CodePurpose.RECOVERY.matches(LOGIN));
        assertFalse(CodePurpose.VERIFICATION.matches(RECOVERY));
    }

    @Test
    void returnsTheNewestMatchingCode() {
        List<MailMessage> inbox = List.of(RECOVERY, LOGIN, smtp("Use code 555555 to log in", ""),
                VERIFICATION, UNKNOWN_RECIPIENT);
        Mailbox mail = mailbox(a -> inbox, a -> List.of(), true);
        assertEquals("555555", mail.lastCodeFor(TO, CodePurpose.LOGIN, Duration.ofSeconds(1)));
        assertEquals("333333", mail.lastCodeFor(TO, CodePurpose.RECOVERY, Duration.ofSeconds(1)));
        assertEquals("444444", mail.lastCodeFor(TO, Duration.ofSeconds(1)),
                "newest message that holds a code");
    }

    @Test
    void pollsUntilTheMailArrives() {
        List<MailMessage> inbox = new CopyOnWriteArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        Mailbox mail = mailbox(a -> {
            if (polls.incrementAndGet() == 5) {
                inbox.add(REGISTRATION);
            }
            return List.copyOf(inbox);
        }, a -> List.of(), true);
        assertEquals("222222", mail.lastCodeFor(TO, CodePurpose.REGISTRATION, Duration.ofSeconds(5)));
        assertTrue(polls.get() >= 5);
    }

    @Test
    void fallsBackToTheCourierQueueWhenSmtpHasNothing() {
        MailMessage queued = new MailMessage(TO, RECOVERY.subject(), RECOVERY.body(),
                MailMessage.Source.COURIER);
        AtomicInteger courierCalls = new AtomicInteger();
        Mailbox mail = mailbox(a -> List.of(), a -> {
            courierCalls.incrementAndGet();
            return List.of(queued);
        }, true);
        long start = System.nanoTime();
        assertEquals("333333", mail.lastCodeFor(TO, CodePurpose.RECOVERY, Duration.ofMillis(200)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 100,
                "SMTP gets half the timeout first");
        assertEquals(List.of(queued), mail.messagesFor(TO));
    }

    @Test
    void withoutASinkTheCourierQueueIsReadAtOnce() {
        MailMessage queued = new MailMessage(TO, LOGIN.subject(), LOGIN.body(), MailMessage.Source.COURIER);
        Mailbox mail = mailbox(a -> List.of(), a -> List.of(queued), false);
        long start = System.nanoTime();
        assertEquals("111111", mail.lastCodeFor(TO, CodePurpose.LOGIN, Duration.ofSeconds(10)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1_000);
        assertTrue(mail.smtpPort().isEmpty());
    }

    @Test
    void timesOutWithWhatWasSeen() {
        Mailbox mail = mailbox(a -> List.of(RECOVERY), a -> List.of(UNKNOWN_RECIPIENT), true);
        AssertionError error = assertThrows(AssertionError.class,
                () -> mail.lastCodeFor(TO, CodePurpose.LOGIN, Duration.ofMillis(50)));
        assertTrue(error.getMessage().contains("login code for " + TO), error.getMessage());
        assertTrue(error.getMessage().contains("Use code 333333 to recover access"), error.getMessage());
        assertTrue(error.getMessage().contains("Account access attempted"), error.getMessage());
    }

    @Test
    void smtpMessagesWinInMessagesFor() {
        Mailbox mail = mailbox(a -> List.of(LOGIN), a -> List.of(UNKNOWN_RECIPIENT), true);
        assertEquals(List.of(LOGIN), mail.messagesFor(TO));
        assertEquals(OptionalInt.of(2525), mail.smtpPort());
    }
}
