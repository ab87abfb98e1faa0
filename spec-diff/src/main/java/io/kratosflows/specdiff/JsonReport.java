package io.kratosflows.specdiff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders an {@link UpgradeReport} as JSON. The structure (format {@code kratos-flows-spec-diff/1};
 * fields are only ever added within a format):
 *
 * <pre>{@code
 * {
 *   "format": "kratos-flows-spec-diff/1",
 *   "old": "kratos-v25.4.0.json",             // file names of the specs
 *   "new": "kratos-v26.2.0.json",
 *   "described_by": "kratos-public-api.yaml", // what says what kratos-flows uses
 *   "breaks_kratos_flows": false,
 *   "counts": {"breaks": 0, "needs_attention": 0, "additive": 0, "unaffected": 2},
 *   "changes": [                              // sorted: subject, element, kind
 *     {
 *       "subject": {"type": "operation", "method": "GET", "path": "/self-service/login/api",
 *                   "operation_id": "createNativeLoginFlow", "used_by_kratos_flows": true},
 *                  // or {"type": "schema", "name": "uiNode", "used_by_kratos_flows": true}
 *       "element": "/parameters/query/organization",  // path inside the subject, "" for itself
 *       "kind": "parameter_added",                    // ChangeKind, lower case
 *       "classification": "additive",                 // breaks | needs_attention | additive | unaffected
 *       "detail": "new optional query parameter `organization`"
 *     }
 *   ],
 *   "repairs": ["kratos-v26.2.0.json: removed the security requirement ..."]
 * }
 * }</pre>
 */
final class JsonReport {

    /** The {@code format} value: bumped when a field changes meaning or disappears. */
    static final String FORMAT = "kratos-flows-spec-diff/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReport() {
    }

    static String render(UpgradeReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("old", report.oldSpec());
        root.put("new", report.newSpec());
        root.put("described_by", report.describedBy());
        root.put("breaks_kratos_flows", report.breaksKratosFlows());
        ObjectNode counts = root.putObject("counts");
        report.counts().forEach((c, n) -> counts.put(c.id(), n));
        ArrayNode changes = root.putArray("changes");
        for (Change c : report.changes()) {
            ObjectNode change = changes.addObject();
            ObjectNode subject = change.putObject("subject");
            if (c.subject() instanceof Subject.Operation o) {
                subject.put("type", "operation").put("method", o.method()).put("path", o.path())
                        .put("operation_id", o.operationId());
            } else if (c.subject() instanceof Subject.Schema s) {
                subject.put("type", "schema").put("name", s.name());
            }
            subject.put("used_by_kratos_flows", c.subject().usedByKratosFlows());
            change.put("element", c.element());
            change.put("kind", c.kind().id());
            change.put("classification", c.classification().id());
            change.put("detail", c.detail());
        }
        ArrayNode repairs = root.putArray("repairs");
        report.repairs().forEach(repairs::add);
        // "\n" whatever the platform: the report is committed
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }
}
