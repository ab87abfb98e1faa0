package io.kratosflows.specdiff;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Repairs the defects official Kratos specs are known to have, before they are compared, so that
 * openapi-diff can read them and the report lists API changes rather than slips in writing the spec.
 * Every repair is listed in the report. The known defects:
 *
 * <ol>
 *   <li><b>Security requirements naming an undefined scheme.</b> The official specs v1.3.1 to v26.2.0
 *       put {@code security: [{sessionToken: []}]} on {@code updateSettingsFlow} but define only the
 *       {@code oryAccessToken} scheme (openapi-diff fails on it: "Impossible to find security scheme:
 *       sessionToken"; code generators warn). The requirement is removed; an operation left with none gets none.</li>
 * </ol>
 *
 * <p>Nothing else is changed; a spec without these defects (such as kratos-flows' own description)
 * passes through untouched.
 */
final class KnownDefects {

    private KnownDefects() {
    }

    /** Repairs {@code api} in place and returns what it repaired, one line each, sorted. */
    static List<String> repair(OpenAPI api) {
        Set<String> repairs = new TreeSet<>();
        Map<String, SecurityScheme> schemes = api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
                ? Map.of() : api.getComponents().getSecuritySchemes();
        api.setSecurity(withoutUndefined(api.getSecurity(), schemes, "the top level", repairs));
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    repairOperation(path, method, operation, schemes, repairs)));
        }
        return List.copyOf(repairs);
    }

    private static void repairOperation(String path, PathItem.HttpMethod method, Operation operation,
                                        Map<String, SecurityScheme> schemes, Set<String> repairs) {
        String where = (operation.getOperationId() == null ? "" : operation.getOperationId() + " ")
                + "(" + method + " " + path + ")";
        operation.setSecurity(withoutUndefined(operation.getSecurity(), schemes, where, repairs));
    }

    private static List<SecurityRequirement> withoutUndefined(List<SecurityRequirement> requirements,
                                                              Map<String, SecurityScheme> schemes, String where,
                                                              Set<String> repairs) {
        if (requirements == null) {
            return null;
        }
        boolean removed = false;
        List<SecurityRequirement> kept = new ArrayList<>();
        for (SecurityRequirement requirement : requirements) {
            SecurityRequirement copy = new SecurityRequirement();
            for (Map.Entry<String, List<String>> entry : requirement.entrySet()) {
                if (schemes.containsKey(entry.getKey())) {
                    copy.put(entry.getKey(), entry.getValue());
                } else {
                    removed = true;
                    repairs.add("removed the security requirement `" + entry.getKey() + "` of " + where
                            + ": no such security scheme is defined");
                }
            }
            if (!copy.isEmpty() || requirement.isEmpty()) {
                kept.add(copy);
            }
        }
        if (!removed) {
            return requirements;
        }
        // null, not an empty list: an empty list would mean "explicitly no security", a change of its own
        return kept.isEmpty() ? null : kept;
    }
}
