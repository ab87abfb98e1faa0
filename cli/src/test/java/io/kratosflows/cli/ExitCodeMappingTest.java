package io.kratosflows.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kratosflows.error.InvalidInputException;
import io.kratosflows.error.KratosError;
import io.kratosflows.error.KratosErrorException;
import io.kratosflows.error.KratosTransportException;
import io.kratosflows.error.UnexpectedResponseException;
import io.kratosflows.testing.FakeKratos;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which exit code each failure gets, and that the codes are distinct and documented. */
class ExitCodeMappingTest {

    private static KratosError error(int status, String id) {
        return new KratosError(status, Optional.ofNullable(id), Optional.empty(), Optional.of("msg"),
                Optional.empty(), Map.of());
    }

    @Test
    void codesAreDistinctAndStable() {
        Set<Integer> codes = Stream.of(ExitCode.values()).map(ExitCode::code).collect(Collectors.toSet());
        assertEquals(ExitCode.values().length, codes.size());
        assertEquals(0, ExitCode.OK.code());
        assertEquals(2, ExitCode.INVALID_INPUT.code());
        assertEquals(3, ExitCode.AUTH_FAILED.code());
        assertEquals(4, ExitCode.KRATOS_UNREACHABLE.code());
        assertEquals(5, ExitCode.UNEXPECTED_RESPONSE.code());
        assertEquals(6, ExitCode.BROWSER_REQUIRED.code());
        assertEquals(7, ExitCode.FLOW_EXPIRED.code());
    }

    @Test
    void exceptionsMapToTheirCodes() {
        assertEquals(ExitCode.KRATOS_UNREACHABLE, KratosFlowsCli.map(
                new KratosTransportException("x", false, new ConnectException("refused"))).exitCode());
        assertEquals(ExitCode.UNEXPECTED_RESPONSE, KratosFlowsCli.map(
                new UnexpectedResponseException("x", 200, "text/html", "<html>", null, null)).exitCode());
        assertEquals(ExitCode.INVALID_INPUT, KratosFlowsCli.map(
                new InvalidInputException("LoginMethod.Password", List.of("identifier: must not be blank"))).exitCode());
        assertEquals(ExitCode.AUTH_FAILED, KratosFlowsCli.map(
                new KratosErrorException("settings", error(401, "session_inactive"))).exitCode());
        assertEquals(ExitCode.INVALID_INPUT, KratosFlowsCli.map(
                new KratosErrorException("fetch", error(404, null))).exitCode());
        assertEquals(ExitCode.FLOW_EXPIRED, KratosFlowsCli.map(
                new KratosErrorException("fetch", error(410, "self_service_flow_expired"))).exitCode());
        assertEquals(ExitCode.UNEXPECTED_RESPONSE, KratosFlowsCli.map(
                new KratosErrorException("x", error(500, null))).exitCode());
        CliException bug = KratosFlowsCli.map(new NullPointerException("boom"));
        assertEquals(ExitCode.INTERNAL_ERROR, bug.exitCode());
        assertTrue(bug.getMessage().contains("--verbose"));
    }

    @Test
    void flowMessagesTellAuthFailureFromInvalidInput() throws Exception {
        try (FakeKratos kratos = new FakeKratos()) {
            kratos.respond("login/create.200.json").respond("login/submit-password-invalid-credentials.400.json")
                    .respond("registration/create.200.json").respond("registration/submit-password-too-short.400.json");
            try (Connection connection = Connection.open(java.net.URI.create(kratos.url()), java.time.Duration.ofSeconds(5))) {
                var login = connection.kratos().login();
                var wrong = (io.kratosflows.login.LoginOutcome.NeedsInput) login.submit(login.start(),
                        new io.kratosflows.login.LoginMethod.Password("a@b.org", io.kratosflows.Secret.of("wrong-pass")));
                assertEquals(ExitCode.AUTH_FAILED, ErrorCodes.exitFor(wrong.flow().ui()));
                var registration = connection.kratos().registration();
                var tooShort = (io.kratosflows.registration.RegistrationOutcome.NeedsInput) registration.submit(
                        registration.start(), new io.kratosflows.registration.RegistrationMethod.Password(
                                io.kratosflows.Traits.email("a@b.org"), io.kratosflows.Secret.of("short")));
                assertEquals(ExitCode.INVALID_INPUT, ErrorCodes.exitFor(tooShort.flow().ui()));
            }
        }
    }

    @Test
    void errorIdsMapToCodes() {
        assertEquals(ExitCode.AUTH_FAILED, ErrorCodes.exitFor(error(403, "session_refresh_required")));
        assertEquals(ExitCode.BROWSER_REQUIRED, ErrorCodes.exitFor(error(422, "browser_location_change_required")));
        assertEquals(ExitCode.FLOW_EXPIRED, ErrorCodes.exitFor(error(410, null)));
        assertEquals(ExitCode.UNEXPECTED_RESPONSE, ErrorCodes.exitFor(error(403, "security_csrf_violation")));
    }
}
