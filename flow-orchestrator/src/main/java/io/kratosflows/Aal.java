package io.kratosflows;

/**
 * An authenticator assurance level, as Kratos names it ({@code aal0} .. {@code aal3}).
 * {@link #UNKNOWN} stands for a level a newer Kratos may add.
 */
public enum Aal {
    /** No authentication. */
    AAL0("aal0"),
    /** One factor (password, code, OIDC, passkey). */
    AAL1("aal1"),
    /** Two factors (TOTP, lookup secret, WebAuthn or code as second factor). */
    AAL2("aal2"),
    /** Reserved by Kratos. */
    AAL3("aal3"),
    /** A level this library does not know. */
    UNKNOWN("unknown");

    private final String wire;

    Aal(String wire) {
        this.wire = wire;
    }

    /** {@return the value Kratos uses on the wire} */
    public String wireValue() {
        return wire;
    }

    /** {@return the level for a wire value; {@link #UNKNOWN} for anything else, including null} */
    public static Aal fromWire(String value) {
        for (Aal aal : values()) {
            if (aal != UNKNOWN && aal.wire.equals(value)) {
                return aal;
            }
        }
        return UNKNOWN;
    }
}
