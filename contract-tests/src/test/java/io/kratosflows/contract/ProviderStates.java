package io.kratosflows.contract;

/**
 * The provider states of the kratos-flows pact, shared by the consumer tests (which name them) and
 * the provider verification (which sets them up on a real Kratos).
 *
 * <p>Naming scheme: a state that needs a Kratos configuration other than the testkit's default
 * profile ends with that configuration's tag in parentheses, e.g.
 * {@code "an expired login flow exists (short lifespans)"}. Each provider test class verifies the
 * states of one configuration ({@code @PactFilter} on the tag); {@link #DEFAULT_PROFILE} selects
 * every state without a tag. Every interaction has exactly one state, so a filter never keeps an
 * interaction through a second state of another configuration.
 */
final class ProviderStates {

    // Default profile (unified registration, aal1 everywhere, flows live 1 h).
    static final String KRATOS_IS_RUNNING = "Kratos is running";
    static final String LOGIN_FLOW = "a login flow exists";
    static final String LOGIN_CODE_SENT = "a login code was sent";
    static final String SESSION = "a session exists";
    static final String SESSION_WITH_TOTP = "a session exists for an identity with TOTP";
    static final String REFRESH_LOGIN_FLOW = "a refresh login flow exists for a session";
    static final String TOTP_LOGIN_FLOW = "a second-factor login flow exists for a session with TOTP";
    static final String LOOKUP_LOGIN_FLOW = "a second-factor login flow exists for a session with lookup secrets";
    static final String REGISTRATION_FLOW = "a registration flow exists";
    static final String REGISTRATION_FLOW_EMAIL_TAKEN = "a registration flow exists and the email is taken";
    static final String REGISTRATION_CODE_SENT = "a registration code was sent";
    static final String SETTINGS_FLOW = "a settings flow exists";
    static final String SETTINGS_FLOW_NEW_LOOKUP_SECRETS = "a settings flow with new lookup secrets exists";
    static final String SETTINGS_FLOW_WITH_TOTP = "a settings flow exists for a session with TOTP";
    static final String SETTINGS_FLOW_WITH_LOOKUP_SECRETS = "a settings flow exists for a session with backup codes";
    static final String RECOVERY_FLOW = "a recovery flow exists";
    static final String RECOVERY_CODE_SENT = "a recovery code was sent";
    static final String VERIFICATION_FLOW = "a verification flow exists";
    static final String VERIFICATION_CODE_SENT = "a verification code was sent";
    static final String VERIFICATION_COMPLETED = "a verification flow was completed";

    // Configuration tags.
    static final String SHORT_LIFESPANS = "(short lifespans)";
    static final String HIGHEST_AAL = "(highest AAL required)";
    static final String PROFILE_FIRST = "(profile-first registration)";
    static final String IDENTIFIER_FIRST = "(identifier-first login)";
    static final String NO_TRANSITIONS = "(no continue-with transitions)";

    // Short lifespans: flows live 2 s, a session is privileged for 1 s.
    static final String EXPIRED_LOGIN_FLOW = "an expired login flow exists " + SHORT_LIFESPANS;
    static final String EXPIRED_REGISTRATION_FLOW = "an expired registration flow exists " + SHORT_LIFESPANS;
    static final String EXPIRED_SETTINGS_FLOW = "an expired settings flow exists " + SHORT_LIFESPANS;
    static final String EXPIRED_RECOVERY_FLOW = "an expired recovery flow exists " + SHORT_LIFESPANS;
    static final String EXPIRED_VERIFICATION_FLOW = "an expired verification flow exists " + SHORT_LIFESPANS;
    static final String SETTINGS_FLOW_PAST_PRIVILEGED_AGE =
            "a settings flow exists for a session past the privileged age " + SHORT_LIFESPANS;

    // Highest AAL: whoami and settings require the highest assurance level the identity has.
    static final String LOGIN_FLOW_FOR_TOTP_IDENTITY = "a login flow exists for an identity with TOTP " + HIGHEST_AAL;
    static final String AAL1_SESSION_WITH_TOTP = "an aal1 session exists for an identity with TOTP " + HIGHEST_AAL;
    static final String SETTINGS_FLOW_AAL1_SESSION =
            "a settings flow exists and the session lacks its second factor " + HIGHEST_AAL;

    // Two-step registration.
    static final String TWO_STEP_REGISTRATION_FLOW = "a registration flow exists " + PROFILE_FIRST;
    static final String TWO_STEP_PROFILE_ACCEPTED = "a registration flow has accepted the profile " + PROFILE_FIRST;

    // Native recovery without feature_flags.use_continue_with_transitions.
    static final String RECOVERY_CODE_SENT_NO_TRANSITIONS = "a recovery code was sent " + NO_TRANSITIONS;

    // Identifier-first login.
    static final String IDENTIFIER_FIRST_LOGIN_FLOW = "a login flow exists for a known identifier " + IDENTIFIER_FIRST;

    /** Regex for {@code @PactFilter}: every state without a configuration tag. */
    static final String DEFAULT_PROFILE = "^(?!.*\\([^()]*\\)$).*";

    private ProviderStates() {
    }
}
