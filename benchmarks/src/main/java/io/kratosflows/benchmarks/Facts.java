package io.kratosflows.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client must get out of one Kratos answer to act on it: the decision (which outcome) and
 * the fields that outcome carries. The hand-written Jackson baseline builds it directly; the
 * library's outcomes and the SDK's models are mapped onto it by the tests, which prove that the
 * three contenders of {@link DecodeBenchmark} extract the same information from every body.
 *
 * @param kind             the decision: {@code flow}, {@code needs-input}, {@code code-sent}, {@code completed},
 *                         {@code expired}, {@code active} or {@code not-signed-in}
 * @param flowId           the flow's id
 * @param state            the flow's state
 * @param expiresAt        when the flow expires
 * @param nodes            the flow's UI nodes, in order
 * @param messages         the ids of the flow's UI messages
 * @param sessionId        the session's id
 * @param identityId       the session's identity
 * @param sessionExpiresAt when the session expires
 * @param tokenIssued      whether a session token came with the answer
 * @param errorId          the error envelope's id
 * @param errorReason      the error envelope's reason
 * @param replacement      the flow replacing an expired one
 */
public record Facts(String kind, Optional<String> flowId, Optional<String> state, Optional<Instant> expiresAt,
                    List<Node> nodes, List<Long> messages, Optional<String> sessionId, Optional<String> identityId,
                    Optional<Instant> sessionExpiresAt, boolean tokenIssued, Optional<String> errorId,
                    Optional<String> errorReason, Optional<String> replacement) {

    /** Copies the lists. */
    public Facts {
        Objects.requireNonNull(kind, "kind == null");
        nodes = List.copyOf(nodes);
        messages = List.copyOf(messages);
    }

    /**
     * One UI node as a form renderer needs it.
     *
     * @param group    the node's group ({@code password}, {@code totp}, ...)
     * @param type     the node's type ({@code input}, {@code text}, {@code img}, ...)
     * @param name     the input's name, or the node's id for other types
     * @param value    the input's value, a text node's text, an image's source
     * @param messages the ids of the node's messages
     */
    public record Node(String group, String type, String name, Optional<String> value, List<Long> messages) {

        /** Copies the list. */
        public Node {
            messages = List.copyOf(messages);
        }
    }

    /** {@return facts of a flow answer} */
    static Facts flow(String kind, String id, Optional<String> state, Optional<Instant> expiresAt, List<Node> nodes,
                      List<Long> messages) {
        return new Facts(kind, Optional.of(id), state, expiresAt, nodes, messages, Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** {@return facts of a session answer} */
    static Facts session(String kind, String sessionId, Optional<String> identityId, Optional<Instant> expiresAt,
                         boolean token) {
        return new Facts(kind, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(),
                Optional.of(sessionId), identityId, expiresAt, token, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** {@return facts of an error answer} */
    static Facts error(String kind, Optional<String> errorId, Optional<String> reason, Optional<String> replacement) {
        return new Facts(kind, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), false, errorId, reason, replacement);
    }
}
