package io.kratosflows;

import java.util.Objects;
import java.util.Optional;

/**
 * A next step Kratos suggests after a flow ({@code continue_with}), one variant per
 * {@code action}, plus {@link Unknown} for an action a newer Kratos may add (kept as raw JSON).
 */
public sealed interface ContinueWith {

    /**
     * {@code show_verification_ui}: a verification flow was started for a new or changed address.
     *
     * @param flow    the verification flow to continue with
     * @param address the address being verified, when given
     * @param url     the UI URL of that flow (browser clients), when given
     */
    record ShowVerificationUi(FlowId flow, Optional<String> address, Optional<String> url) implements ContinueWith {
        /** Requires all components. */
        public ShowVerificationUi {
            Objects.requireNonNull(flow, "flow == null");
            Objects.requireNonNull(address, "address == null");
            Objects.requireNonNull(url, "url == null");
        }
    }

    /**
     * {@code set_ory_session_token}: a session was issued; use this token from now on.
     *
     * @param token the session token
     */
    record SetSessionToken(SessionToken token) implements ContinueWith {
        /** Requires the token. */
        public SetSessionToken {
            Objects.requireNonNull(token, "token == null");
        }
    }

    /**
     * {@code show_settings_ui}: continue in a settings flow (after recovery: set a new password).
     *
     * @param flow the settings flow
     * @param url  its UI URL, when given
     */
    record ShowSettingsUi(FlowId flow, Optional<String> url) implements ContinueWith {
        /** Requires all components. */
        public ShowSettingsUi {
            Objects.requireNonNull(flow, "flow == null");
            Objects.requireNonNull(url, "url == null");
        }
    }

    /**
     * {@code show_recovery_ui}: continue in a (new) recovery flow.
     *
     * @param flow the recovery flow
     * @param url  its UI URL, when given
     */
    record ShowRecoveryUi(FlowId flow, Optional<String> url) implements ContinueWith {
        /** Requires all components. */
        public ShowRecoveryUi {
            Objects.requireNonNull(flow, "flow == null");
            Objects.requireNonNull(url, "url == null");
        }
    }

    /**
     * {@code redirect_browser_to}: a browser should open this URL.
     *
     * @param url the URL
     */
    record RedirectBrowserTo(String url) implements ContinueWith {
        /** Requires the URL. */
        public RedirectBrowserTo {
            Objects.requireNonNull(url, "url == null");
        }
    }

    /**
     * An action this library does not know; nothing is dropped. It prints without the JSON, which
     * may hold a token ({@code set_ory_session_token} renamed, say): read {@link #rawJson()}.
     *
     * @param action  the action Kratos wrote
     * @param rawJson the whole item as JSON text
     */
    record Unknown(String action, String rawJson) implements ContinueWith {
        /** Requires both components. */
        public Unknown {
            Objects.requireNonNull(action, "action == null");
            Objects.requireNonNull(rawJson, "rawJson == null");
        }

        @Override
        public String toString() {
            return "Unknown[action=" + action + ", rawJson=*** (" + rawJson.length() + " chars)]";
        }
    }
}
