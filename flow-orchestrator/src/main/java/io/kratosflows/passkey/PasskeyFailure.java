package io.kratosflows.passkey;

import io.kratosflows.ui.Ui;
import java.util.Arrays;
import java.util.Optional;

/**
 * Why Kratos refused a passkey sign-in, read from the messages of the flow it answered with (the
 * outcome is {@code LoginOutcome.NeedsInput}, HTTP 400; submit a fresh assertion for the flow's
 * new challenge). Recorded from Kratos v26.2.0:
 *
 * <pre>
 * 400 {flow, ui.messages: [{id: 4000008, ...}]} → ASSERTION_REJECTED  (bad signature, other origin, other challenge;
 *                                                                    4000043 on Kratos's development line after v26.2.0)
 * 400 {flow, ui.messages: [{id: 4000015, ...}]} → UNKNOWN_PASSKEY     (no account has this user handle)
 * 400 {flow, ui.messages: [{id: 4000013, ...}]} → NO_PASSKEY          (the account has no passkey left)
 * </pre>
 *
 * <p>A registration or settings submission whose attestation does not verify is not a flow
 * message: Kratos v26 answers {@code 400 Bad Request} or {@code 500 Internal Server Error} with an
 * error envelope ("Unable to parse WebAuthn response" / "Unable to create WebAuthn credential"),
 * which the library reports as a {@code KratosErrorException}.
 */
public enum PasskeyFailure {

    /**
     * 4000008: the assertion did not verify: signature, challenge, origin or rp id. Kratos's
     * development line after v26.2.0 says so with its own message, 4000043, instead of the TOTP one.
     */
    ASSERTION_REJECTED(4000008L, 4000043L),
    /** 4000015: no account has a passkey with this user handle (deleted, or made for another server). */
    UNKNOWN_PASSKEY(4000015L),
    /** 4000013: the account has no passkey set up. */
    NO_PASSKEY(4000013L);

    private final long[] messageIds; // v26.2.0's first, then those of later lines

    PasskeyFailure(long... messageIds) {
        this.messageIds = messageIds;
    }

    /** {@return the Kratos message id, as Kratos v26.2.0 sends it} */
    public long messageId() {
        return messageIds[0];
    }

    /** {@return the passkey failure a flow reports, if it reports one} */
    public static Optional<PasskeyFailure> in(Ui ui) {
        return Arrays.stream(values()).filter(f -> Arrays.stream(f.messageIds).anyMatch(ui::hasMessage)).findFirst();
    }
}
