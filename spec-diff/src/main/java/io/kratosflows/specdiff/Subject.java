package io.kratosflows.specdiff;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link Change} belongs to: an operation or a schema in components. Reports have one
 * section per subject: operations first (by path, then method), then schemas (by name).
 */
public sealed interface Subject extends Comparable<Subject> permits Subject.Operation, Subject.Schema {

    /** Whether kratos-flows' own description has this operation or schema (kratos-flows uses it). */
    boolean usedByKratosFlows();

    /** The section title, e.g. {@code createNativeLoginFlow (GET /self-service/login/api)}. */
    String title();

    @Override
    default int compareTo(Subject other) {
        return ORDER.compare(this, other);
    }

    /** Operations by path then method (in the order OpenAPI lists methods), then schemas by name. */
    Comparator<Subject> ORDER = Comparator.comparingInt((Subject s) -> s instanceof Operation ? 0 : 1)
            .thenComparing(s -> s instanceof Operation o ? o.path() : ((Schema) s).name())
            .thenComparingInt(s -> s instanceof Operation o ? Operation.METHODS.indexOf(o.method()) : 0);

    /**
     * An operation.
     *
     * @param method            the HTTP method, upper case ({@code GET})
     * @param path              the path as the spec writes it ({@code /self-service/login/api})
     * @param operationId       the operation id of the new spec (of the old one for a removed operation), or "" when it has none
     * @param usedByKratosFlows whether kratos-flows' description has this method and path
     */
    record Operation(String method, String path, String operationId, boolean usedByKratosFlows) implements Subject {

        static final List<String> METHODS = List.of("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE");

        /** Checks the parts and upper-cases the method. */
        public Operation {
            method = Objects.requireNonNull(method, "method == null").toUpperCase(Locale.ROOT);
            Objects.requireNonNull(path, "path == null");
            Objects.requireNonNull(operationId, "operationId == null");
        }

        @Override
        public String title() {
            return (operationId.isEmpty() ? "" : operationId + " ") + "(" + method + " " + path + ")";
        }
    }

    /**
     * A schema in {@code components/schemas}.
     *
     * @param name              its name
     * @param usedByKratosFlows whether kratos-flows' description has a schema of this name
     */
    record Schema(String name, boolean usedByKratosFlows) implements Subject {

        /** Checks the name. */
        public Schema {
            Objects.requireNonNull(name, "name == null");
        }

        @Override
        public String title() {
            return name;
        }
    }
}
