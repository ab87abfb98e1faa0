package io.kratosflows.specdiff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What changes between two Kratos specs, classified for kratos-flows: the result of
 * {@link SpecDiff#compare}. Immutable; the changes are sorted (subject, element, kind), so that the
 * same two specs always give the same report, byte for byte.
 *
 * @param oldSpec     the name of the old spec (its file name)
 * @param newSpec     the name of the new spec
 * @param describedBy the name of the description that says what kratos-flows uses
 * @param changes     every change, sorted
 * @param repairs     the {@linkplain KnownDefects known defects} repaired before comparing, one line each
 */
public record UpgradeReport(String oldSpec, String newSpec, String describedBy, List<Change> changes, List<String> repairs) {

    /** Checks the parts, sorts the changes and copies the lists. */
    public UpgradeReport {
        Objects.requireNonNull(oldSpec, "oldSpec == null");
        Objects.requireNonNull(newSpec, "newSpec == null");
        Objects.requireNonNull(describedBy, "describedBy == null");
        List<Change> sorted = new ArrayList<>(changes);
        Collections.sort(sorted);
        changes = List.copyOf(sorted);
        repairs = List.copyOf(repairs);
    }

    /** Whether any change {@linkplain Classification#BREAKS breaks kratos-flows}. */
    public boolean breaksKratosFlows() {
        return count(Classification.BREAKS) > 0;
    }

    /** How many changes have the classification. */
    public int count(Classification classification) {
        return (int) changes.stream().filter(c -> c.classification() == classification).count();
    }

    /** The number of changes per classification, every classification present, most severe first. */
    public Map<Classification, Integer> counts() {
        Map<Classification, Integer> counts = new EnumMap<>(Classification.class);
        for (Classification c : Classification.values()) {
            counts.put(c, count(c));
        }
        return Collections.unmodifiableMap(counts);
    }

    /** The changes with the classification, in report order. */
    public List<Change> changes(Classification classification) {
        return changes.stream().filter(c -> c.classification() == classification).toList();
    }

    /** The changes grouped by subject: operations first (by path, method), then schemas (by name). */
    public SortedMap<Subject, List<Change>> bySubject() {
        SortedMap<Subject, List<Change>> sections = new TreeMap<>();
        changes.forEach(c -> sections.computeIfAbsent(c.subject(), s -> new ArrayList<>()).add(c));
        sections.replaceAll((s, list) -> List.copyOf(list));
        return Collections.unmodifiableSortedMap(sections);
    }

    /** The report as Markdown: a summary table of counts, the breaking and attention items, then one section per operation and schema. */
    public String toMarkdown() {
        return MarkdownReport.render(this);
    }

    /**
     * The report as JSON (structure documented on {@link JsonReport}; {@code "format":
     * "kratos-flows-spec-diff/1"}), pretty-printed, with a final newline.
     */
    public String toJson() {
        return JsonReport.render(this);
    }
}
