package io.kratosflows.testkit;

/**
 * How Kratos runs registration: the value of {@code selfservice.flows.registration.style}.
 *
 * <p>Kratos v25.4 and later default to {@link #PROFILE_FIRST} (two steps: traits, then a
 * credential); the testkit defaults to {@link #UNIFIED} because most native scenarios register in
 * one request. On the v1.x line, which has no {@code style} key, the testkit writes
 * {@code enable_legacy_one_step} instead (see {@link KratosServer}).
 */
public enum RegistrationStyle {
    /** One-step registration: traits and credential in one submission. */
    UNIFIED("unified"),
    /** Two-step registration: the profile (traits) first, then the method to sign up with. */
    PROFILE_FIRST("profile_first");

    private final String configValue;

    RegistrationStyle(String configValue) {
        this.configValue = configValue;
    }

    /** The value written to {@code selfservice.flows.registration.style}. */
    public String configValue() {
        return configValue;
    }
}
