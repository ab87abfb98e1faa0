package io.kratosflows.testkit;

import java.util.List;
import java.util.Locale;

/**
 * Why Kratos sent a code, recognised by the wording of its built-in courier templates (subject or
 * plain-text body), so a test that triggers several mails to one address picks the right one.
 *
 * <p>The wording differs by version: v25.4 and later put the code in the subject
 * ({@code Use code 123456 to verify your account}); v1.x subjects have no code and sometimes other
 * words ({@code Please verify your email address}), but their bodies hold the same markers
 * ({@code please verify your account by entering the following code}), so the markers match both.
 */
public enum CodePurpose {
    /** {@code Use code NNNNNN to log in} / "Login to your account with the following code". */
    LOGIN(List.of("to log in", "login to your account")),
    /** {@code … to complete your account registration}. */
    REGISTRATION(List.of("complete your account registration")),
    /** {@code … to recover access to your account}. */
    RECOVERY(List.of("recover access")),
    /** {@code … to verify your account}. */
    VERIFICATION(List.of("verify your account"));

    private final List<String> markers;

    CodePurpose(List<String> markers) {
        this.markers = markers;
    }

    /** True when the subject or body holds one of this purpose's markers (case-insensitive). */
    public boolean matches(MailMessage message) {
        String text = (message.subject() + "\n" + message.body()).toLowerCase(Locale.ROOT);
        return markers.stream().anyMatch(text::contains);
    }
}
