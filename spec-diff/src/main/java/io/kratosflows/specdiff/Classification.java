package io.kratosflows.specdiff;

import java.util.Locale;

/**
 * What a change between two Kratos specs means for kratos-flows, judged against kratos-flows' own
 * description of the Kratos API ({@code openapi/kratos-public-api.yaml}: "what kratos-flows uses").
 * Declared from the most to the least severe.
 */
public enum Classification {
    /**
     * The change takes away or tightens something kratos-flows uses: a removed or renamed operation,
     * parameter, property, enum value, oneOf variant or response status that its description has; a
     * parameter or request property that became required; a changed type or schema.
     */
    BREAKS("breaks kratos-flows"),
    /**
     * Additive, but a new outcome may reach kratos-flows: a new response status of an operation it
     * uses, a new value of an enum it switches on (node type, node group, flow state, AAL), a new
     * oneOf variant or discriminator mapping (request-body method, {@code continue_with} action,
     * node attributes) of a schema it uses, a deprecation or a changed constraint there.
     */
    NEEDS_ATTENTION("needs attention"),
    /** Something new that kratos-flows does not have to know: a new optional parameter or property, a new operation or schema. */
    ADDITIVE("additive"),
    /**
     * Not additive, but in nothing kratos-flows uses: a removal or tightening in an operation or schema
     * its description does not have, or of a part of it that the description already leaves out.
     */
    UNAFFECTED("does not affect kratos-flows");

    private final String label;

    Classification(String label) {
        this.label = label;
    }

    /** The words reports use, e.g. "breaks kratos-flows". */
    public String label() {
        return label;
    }

    /** The identifier in the JSON report, e.g. {@code needs_attention}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The more severe of the two. */
    static Classification worst(Classification a, Classification b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
