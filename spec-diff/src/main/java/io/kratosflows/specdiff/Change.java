package io.kratosflows.specdiff;

import java.util.Comparator;
import java.util.Objects;

/**
 * One structural change between two Kratos specs, and what it means for kratos-flows.
 *
 * @param subject        the operation or schema it belongs to
 * @param element        where in the subject, as a path of names, e.g. {@code /parameters/query/organization},
 *                       {@code /responses/422}, {@code /requestBody/methods/saml},
 *                       {@code /properties/type/enum/div}; empty for the subject itself
 * @param kind           what changed
 * @param classification what it means for kratos-flows
 * @param detail         one sentence for a person, e.g. "new optional query parameter `organization`"
 */
public record Change(Subject subject, String element, ChangeKind kind, Classification classification, String detail)
        implements Comparable<Change> {

    /** Subject, then element, then kind, then detail: the order of every report. */
    static final Comparator<Change> ORDER = Comparator.comparing(Change::subject)
            .thenComparing(Change::element)
            .thenComparing(Change::kind)
            .thenComparing(Change::detail)
            .thenComparing(Change::classification);

    /** Checks that every part is there. */
    public Change {
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(element, "element == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(classification, "classification == null");
        Objects.requireNonNull(detail, "detail == null");
    }

    @Override
    public int compareTo(Change other) {
        return ORDER.compare(this, other);
    }
}
