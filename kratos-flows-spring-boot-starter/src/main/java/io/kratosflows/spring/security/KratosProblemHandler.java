package io.kratosflows.spring.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kratosflows.Aal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers refused requests with a {@link KratosProblem} as JSON: 401 (no or invalid token) as the
 * entry point, 403 (step-up, re-authentication or other refusals) as the access-denied handler,
 * 503 when Kratos could not be asked. A {@code hasAuthority(KratosAuthorities.AAL2)} refusal is
 * answered {@code step_up} too. 401 answers carry {@code WWW-Authenticate: Bearer realm="kratos"}.
 */
public class KratosProblemHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Creates the handler. */
    public KratosProblemHandler() {
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        write(response, exception instanceof KratosAuthenticationException k ? k.problem()
                : KratosProblem.sessionRequired());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        write(response, problemOf(exception));
    }

    /** {@return the problem a refusal is answered with} */
    protected KratosProblem problemOf(AccessDeniedException exception) {
        if (exception instanceof AuthorizationDeniedException denied) {
            AuthorizationResult result = denied.getAuthorizationResult();
            if (result instanceof KratosAuthorizationDecision kratos) {
                return kratos.problem();
            }
            if (result instanceof AuthorityAuthorizationDecision authorities) {
                Optional<Aal> needed = authorities.getAuthorities().stream()
                        .map(a -> KratosAuthorities.aalOf(a.getAuthority()))
                        .flatMap(Optional::stream)
                        .max(Comparator.naturalOrder());
                if (needed.isPresent()) {
                    return KratosProblem.stepUp(needed.get());
                }
            }
        }
        return KratosProblem.forbidden();
    }

    /** Writes the problem as the response, unless the response is already committed. */
    protected void write(HttpServletResponse response, KratosProblem problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(problem.status());
        if (problem.status() == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"kratos\"");
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem.body()));
        response.getWriter().flush();
    }
}
