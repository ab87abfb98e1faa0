package io.kratosflows.cli;

import io.kratosflows.error.KratosError;
import io.kratosflows.ui.Ui;
import io.kratosflows.ui.UiMessage;
import java.util.Set;

/**
 * Which {@link ExitCode} a Kratos answer means: by message id for flows that need input (a wrong
 * password or code is an authentication failure, anything else invalid input), by status and
 * error id for errors.
 */
final class ErrorCodes {

    /**
     * Message ids that mean "the credential was wrong" (Kratos's {@code text/id.go}): invalid
     * credentials, wrong TOTP, used or wrong backup code, wrong login/registration/recovery/
     * verification code, no account for a code login, address not verified.
     */
    static final Set<Long> AUTH_FAILURE_MESSAGES = Set.of(4000006L, 4000008L, 4000010L, 4000012L, 4000016L,
            4000035L, 4010008L, 4040003L, 4060006L, 4070006L);

    private static final Set<String> SESSION_ERRORS = Set.of("session_inactive", "session_aal1_required",
            "session_aal2_required", "session_refresh_required", "session_verified_address_required",
            "session_already_available");

    private ErrorCodes() {
    }

    /** For a flow Kratos sent back with error messages. */
    static ExitCode exitFor(Ui ui) {
        boolean auth = ui.allMessages().stream().filter(UiMessage::isError)
                .anyMatch(m -> AUTH_FAILURE_MESSAGES.contains(m.id()));
        return auth ? ExitCode.AUTH_FAILED : ExitCode.INVALID_INPUT;
    }

    /** For an error Kratos answered with. */
    static ExitCode exitFor(KratosError error) {
        if (error.status() == 401 || error.id().filter(SESSION_ERRORS::contains).isPresent()) {
            return ExitCode.AUTH_FAILED;
        }
        if (error.status() == 410 || error.is("self_service_flow_expired") || error.is("self_service_flow_replaced")) {
            return ExitCode.FLOW_EXPIRED;
        }
        if (error.is("browser_location_change_required")) {
            return ExitCode.BROWSER_REQUIRED;
        }
        if (error.status() == 404 || error.status() == 400 && error.id().isEmpty()) {
            return ExitCode.INVALID_INPUT; // an unknown flow id, a malformed request the user typed
        }
        return ExitCode.UNEXPECTED_RESPONSE;
    }
}
