package io.kratosflows.testkit;

import com.bastiaanjansen.otp.TOTPGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 TOTP codes as Kratos checks them (SHA-1, 6 digits, 30 s), computed the way an
 * authenticator app does: for tests that link an app in settings and sign in with a second factor.
 * The secret is the base32 text Kratos shows in the settings flow ({@code totp_secret_key}).
 * The codes come from OTP-Java ({@code com.github.bastiaanjansen:otp-java}), the base32 from
 * commons-codec.
 */
public final class Totp {

    private static final Duration PERIOD = Duration.ofSeconds(30);
    private static final Base32 BASE32 = new Base32();

    private Totp() {
    }

    /**
     * {@return the code for the base32 secret at this instant}
     *
     * @throws IllegalArgumentException when the secret is not base32 (RFC 4648; padding, spaces and
     *         lower case are accepted); the message does not contain the secret
     */
    public static String code(String base32Secret, Instant at) {
        // OTP-Java takes the base32 text and decodes it itself. Its defaults are what Kratos and
        // authenticator apps use: HMAC-SHA1 (which OTP-Java marks deprecated, so it is not named
        // here), 6 digits; TotpTest pins them with RFC 6238's vectors.
        TOTPGenerator totp = new TOTPGenerator.Builder(normalized(base32Secret)).withPeriod(PERIOD).build();
        return totp.at(at);
    }

    /**
     * {@return the code for now, waiting first when the 30 s window is about to turn} A code made
     * in the last seconds of its window could be checked in the next one.
     */
    public static String freshCode(String base32Secret) {
        long intoWindow = Instant.now().getEpochSecond() % PERIOD.toSeconds();
        if (intoWindow >= 27) {
            sleep((PERIOD.toSeconds() - intoWindow) * 1000 + 200);
        }
        return code(base32Secret, Instant.now());
    }

    /** {@return the bytes of a base32 text (RFC 4648, padding and spaces ignored, any case)} */
    static byte[] decode(String base32) {
        return BASE32.decode(normalized(base32));
    }

    private static String normalized(String base32) {
        String clean = base32.replace(" ", "").toUpperCase(Locale.ROOT);
        // commons-codec decodes leniently (it skips characters outside the alphabet); a secret with
        // such characters is a mistake in the test, so it is refused instead.
        if (clean.isEmpty() || !BASE32.isInAlphabet(clean)) {
            throw new IllegalArgumentException("the TOTP secret is not base32 text (RFC 4648)");
        }
        return clean;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
