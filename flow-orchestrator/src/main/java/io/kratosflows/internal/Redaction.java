package io.kratosflows.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;

/**
 * Makes response bodies safe to quote in exception messages, by structure rather than by pattern:
 * the JSON keeps its shape, numbers and booleans, but a string value is shown only under keys
 * that name ids, types and states, never free text (Kratos's reasons and messages can echo a
 * request, and a proxy can echo anything). A body that is not JSON is not quoted at all.
 */
final class Redaction {

    /** Keys whose string values are identifiers or enumerations, never user input or secrets. */
    private static final Set<String> SHOWN = Set.of("id", "type", "state", "status", "node_type", "group", "action",
            "method", "use_flow_id", "expires_at", "issued_at", "expired_at", "since", "requested_aal", "aal",
            "authenticator_assurance_level", "schema_id", "via", "active", "requested_at", "created_at", "updated_at",
            "authenticated_at");
    static final String MASK = "***";
    private static final int EXCERPT_LIMIT = 300;

    private Redaction() {
    }

    /**
     * Writes the JSON with every string value outside {@link #SHOWN} keys masked. An input's name
     * ({@code password}, {@code code}, ...) is safe, its value is not; elsewhere {@code name} can be a person's.
     */
    private static void write(JsonGenerator out, JsonNode node, String key) throws IOException {
        if (node.isObject()) {
            boolean showName = node.has("node_type");
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String k = e.getKey();
                JsonNode v = e.getValue();
                out.writeFieldName(k);
                if (k.equals("name") && v.isTextual()) {
                    out.writeString(showName ? v.textValue() : MASK);
                } else {
                    write(out, v, k);
                }
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (JsonNode item : node) {
                write(out, item, key);
            }
            out.writeEndArray();
        } else if (node.isTextual()) {
            out.writeString(key != null && SHOWN.contains(key) && !looksLikeToken(node.textValue()) ? node.textValue() : MASK);
        } else {
            out.writeTree(node);
        }
    }

    private static boolean looksLikeToken(String value) {
        return value.startsWith("ory_") || value.length() > 128;
    }

    /**
     * {@return a one-line excerpt of a body for an exception message} JSON is redacted and cut to
     * 300 characters; anything else is described by its size only.
     */
    static String excerpt(byte[] body, JsonNode json) {
        if (body.length == 0) {
            return "<empty>";
        }
        if (json.isMissingNode()) {
            return "<" + body.length + " bytes, not JSON; not shown>";
        }
        // Written as it is redacted into a writer that stops past the limit: a 50 kB flow costs a few kB of work, not
        // a redacted copy of the whole tree and its whole text for the 300 characters kept.
        Excerpt text = new Excerpt();
        try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(text)) {
            write(out, json, null);
        } catch (Excerpt.Full full) {
            return text.kept() + "...";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an excerpt", e); // a StringBuilder does not fail
        }
        return text.kept();
    }

    /** Keeps the first {@value #EXCERPT_LIMIT} characters and stops the writing at the one after. */
    private static final class Excerpt extends Writer {
        private final StringBuilder kept = new StringBuilder(EXCERPT_LIMIT);

        /** Raised once the text is longer than the limit; no stack trace, it is control flow. */
        static final class Full extends IOException {
            private static final long serialVersionUID = 1L;

            Full() {
                super("excerpt full", null);
            }

            @Override
            public synchronized Throwable fillInStackTrace() {
                return this;
            }
        }

        @Override
        public void write(char[] chars, int offset, int length) throws Full {
            int room = EXCERPT_LIMIT - kept.length();
            kept.append(chars, offset, Math.min(room, length));
            if (length > room) {
                throw new Full();
            }
        }

        String kept() {
            return kept.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
