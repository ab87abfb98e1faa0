package io.kratosflows.testkit;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 TOTP codes as Kratos checks them (SHA-1, 6 digits, 30 s), computed the way an
 * authenticator app does: for tests that link an app in settings and sign in with a second factor.
 * The secret is the base32 text Kratos shows in the settings flow ({@code totp_secret_key}).
 */
public final class Totp {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /** {@return the code for the base32 secret at this instant} */
    public static String code(String base32Secret, Instant at) {
        byte[] key = decode(base32Secret);
        long counter = at.getEpochSecond() / 30;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] digest = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = digest[digest.length - 1] & 0x0F;
            int binary = ByteBuffer.wrap(digest, offset, 4).getInt() & 0x7FFFFFFF;
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /**
     * {@return the code for now, waiting first when the 30 s window is about to turn} A code made
     * in the last seconds of its window could be checked in the next one.
     */
    public static String freshCode(String base32Secret) {
        long intoWindow = Instant.now().getEpochSecond() % 30;
        if (intoWindow >= 27) {
            sleep((30 - intoWindow) * 1000 + 200);
        }
        return code(base32Secret, Instant.now());
    }

    /** {@return the bytes of a base32 text (RFC 4648, padding and spaces ignored)} */
    static byte[] decode(String base32) {
        String clean = base32.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return java.util.Arrays.copyOf(out.array(), out.position());
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
