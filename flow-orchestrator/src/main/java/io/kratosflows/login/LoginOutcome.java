package io.kratosflows.login;

import io.kratosflows.ContinueWith;
import io.kratosflows.FlowId;
import io.kratosflows.SessionToken;
import io.kratosflows.error.KratosError;
import io.kratosflows.session.Session;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What Kratos answered to a login submission ({@code POST /self-service/login?flow=}). Exhaustive:
 * Java 21+ callers {@code switch} over it; Java 17 callers use {@link #fold}.
 *
 * <pre>
 * 200 {session, session_token}            → Completed (or SecondFactorRequired when the identity is withheld)
 * 400 {flow, state: sent_email}            → CodeSent
 * 400 {flow, ui.messages: [4000006 ...]}   → NeedsInput
 * 410 {error: self_service_flow_expired, use_flow_id} → FlowExpired
 * 422 {error: browser_location_change_required, redirect_browser_to} → BrowserRequired
 * 404 {error: endpoint disabled} / 400 {flow, message 4010002}       → MethodUnavailable
 * 403 {error: session_verified_address_required, details.continue_with} → VerificationRequired
 * </pre>
 */
public sealed interface LoginOutcome {

    /**
     * Signed in. Store the token; {@code continue_with} may carry further steps.
     *
     * @param session      the session, with its identity
     * @param token        the session token
     * @param continueWith further steps Kratos suggests
     */
    record Completed(Session session, SessionToken token, List<ContinueWith> continueWith) implements LoginOutcome {
        /** Copies the list. */
        public Completed {
            Objects.requireNonNull(session, "session == null");
            Objects.requireNonNull(token, "token == null");
            continueWith = List.copyOf(continueWith);
        }
    }

    /**
     * The flow needs (more or corrected) input: invalid credentials, a missing field, or the next
     * step of identifier-first login. Show {@code flow.ui()} messages and fields, then submit again.
     *
     * @param flow the flow as Kratos returned it
     */
    record NeedsInput(LoginFlow flow) implements LoginOutcome {
        /** Requires the flow. */
        public NeedsInput {
            Objects.requireNonNull(flow, "flow == null");
        }
    }

    /**
     * A one-time code was sent (message 1010014); submit it with {@link LoginMethod.Code#submit}.
     *
     * @param flow the flow, now in state {@code sent_email}
     */
    record CodeSent(LoginFlow flow) implements LoginOutcome {
        /** Requires the flow. */
        public CodeSent {
            Objects.requireNonNull(flow, "flow == null");
        }
    }

    /**
     * The first factor succeeded but the server requires a second one before it reveals the
     * identity (Kratos withholds {@code session.identity}). Start
     * {@code login().start(LoginOptions.secondFactor(token()))} and submit a TOTP, lookup or code.
     *
     * @param session the aal1 session, without identity
     * @param token   its session token
     */
    record SecondFactorRequired(Session session, SessionToken token) implements LoginOutcome {
        /** Requires both components. */
        public SecondFactorRequired {
            Objects.requireNonNull(session, "session == null");
            Objects.requireNonNull(token, "token == null");
        }
    }

    /**
     * The flow expired or was replaced; {@code replacement} is the flow to continue with when Kratos
     * named one ({@code use_flow_id}). {@link LoginFlows#restart} continues in one call.
     *
     * @param error       the error Kratos sent
     * @param replacement the new flow's id, when given
     */
    record FlowExpired(KratosError error, Optional<FlowId> replacement) implements LoginOutcome {
        /** Requires both components. */
        public FlowExpired {
            Objects.requireNonNull(error, "error == null");
            Objects.requireNonNull(replacement, "replacement == null");
        }
    }

    /**
     * A browser must take over, e.g. a social sign-in: open {@code redirectBrowserTo} in a browser.
     *
     * @param redirectBrowserTo the URL to open
     * @param error             the error Kratos sent
     */
    record BrowserRequired(String redirectBrowserTo, KratosError error) implements LoginOutcome {
        /** Requires both components. */
        public BrowserRequired {
            Objects.requireNonNull(redirectBrowserTo, "redirectBrowserTo == null");
            Objects.requireNonNull(error, "error == null");
        }
    }

    /**
     * The credentials were right but the identity's address is not verified and the server requires
     * it ({@code require_verified_address} hook: 403 {@code session_verified_address_required}).
     * Verify the address in {@code verificationFlow} (Kratos has sent a code), then log in again.
     *
     * @param error            the error Kratos sent
     * @param verificationFlow the verification flow Kratos started ({@code show_verification_ui}), when named
     * @param address          the address to verify, when named
     */
    record VerificationRequired(KratosError error, Optional<FlowId> verificationFlow, Optional<String> address)
            implements LoginOutcome {
        /** Requires every component. */
        public VerificationRequired {
            Objects.requireNonNull(error, "error == null");
            Objects.requireNonNull(verificationFlow, "verificationFlow == null");
            Objects.requireNonNull(address, "address == null");
        }
    }

    /**
     * The server does not offer this method: it is disabled there (HTTP 404 "This endpoint was
     * disabled") or unknown to that Kratos version (message 40100xx, e.g. passkey on an older
     * Kratos). Choose another of the flow's methods.
     *
     * @param method the method that was submitted, e.g. {@code passkey}
     * @param error  the error Kratos sent, when it sent one (a 40100xx message arrives in a flow instead)
     */
    record MethodUnavailable(String method, Optional<KratosError> error) implements LoginOutcome {
        /** Requires both components. */
        public MethodUnavailable {
            Objects.requireNonNull(method, "method == null");
            Objects.requireNonNull(error, "error == null");
        }
    }

    /**
     * Applies the function for this variant: an exhaustive match on Java 17 (adding a variant
     * breaks every caller at compile time).
     */
    default <R> R fold(Function<Completed, R> completed, Function<NeedsInput, R> needsInput, Function<CodeSent, R> codeSent,
                       Function<SecondFactorRequired, R> secondFactor, Function<FlowExpired, R> expired,
                       Function<BrowserRequired, R> browser, Function<MethodUnavailable, R> unavailable,
                       Function<VerificationRequired, R> verificationRequired) {
        if (this instanceof VerificationRequired v) {
            return verificationRequired.apply(v);
        } else if (this instanceof MethodUnavailable u) {
            return unavailable.apply(u);
        } else if (this instanceof Completed c) {
            return completed.apply(c);
        } else if (this instanceof NeedsInput n) {
            return needsInput.apply(n);
        } else if (this instanceof CodeSent s) {
            return codeSent.apply(s);
        } else if (this instanceof SecondFactorRequired f) {
            return secondFactor.apply(f);
        } else if (this instanceof FlowExpired e) {
            return expired.apply(e);
        }
        return browser.apply((BrowserRequired) this);
    }
}
