package io.kratosflows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The end user a back end talks to Kratos for: their IP address and browser or app agent. Calls
 * made through {@link Kratos#forEndUser(EndUser)} carry them the way Kratos reads a client's
 * device, so that the sessions Kratos records ({@code session.devices}) show the user's address and
 * agent instead of the back end's.
 *
 * <p>Kratos takes the address from {@code True-Client-IP} first (then {@code Cf-Connecting-IP},
 * {@code X-Real-IP}, the rightmost public address of {@code X-Forwarded-For}, and last the
 * connection itself) and stores {@code User-Agent} verbatim. Only the request that creates a
 * session counts: the submission that completes a login, registration or recovery. Later calls
 * (whoami, settings) change nothing.
 *
 * <pre>{@code
 * Kratos forAda = kratos.forEndUser(EndUser.of(request.getRemoteAddr(), request.getHeader("User-Agent")));
 * LoginOutcome outcome = forAda.login().submit(flow, method);   // session.devices[0].ip_address is Ada's
 * }</pre>
 *
 * @param ipAddress the address, an IPv4 or IPv6 literal (never a host name: nothing is resolved)
 * @param userAgent the User-Agent text, one line of printable ASCII
 */
public record EndUser(Optional<String> ipAddress, Optional<String> userAgent) {

    /** Longest User-Agent accepted; real ones are a few hundred characters. */
    public static final int MAX_USER_AGENT_LENGTH = 1024;

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    /** Checks both values; at least one must be present. */
    public EndUser {
        Objects.requireNonNull(ipAddress, "ipAddress == null");
        Objects.requireNonNull(userAgent, "userAgent == null");
        ipAddress = ipAddress.map(String::trim);
        ipAddress.ifPresent(EndUser::checkAddress);
        userAgent.ifPresent(EndUser::checkAgent);
        if (ipAddress.isEmpty() && userAgent.isEmpty()) {
            throw new IllegalArgumentException("an end user needs an IP address, a User-Agent or both");
        }
    }

    /** {@return an end user with both values} */
    public static EndUser of(String ipAddress, String userAgent) {
        return new EndUser(Optional.of(Objects.requireNonNull(ipAddress, "ipAddress == null")),
                Optional.of(Objects.requireNonNull(userAgent, "userAgent == null")));
    }

    /** {@return an end user known by address only (the client's own User-Agent is sent)} */
    public static EndUser ipAddress(String ipAddress) {
        return new EndUser(Optional.of(Objects.requireNonNull(ipAddress, "ipAddress == null")), Optional.empty());
    }

    /** {@return a copy with this User-Agent} */
    public EndUser withUserAgent(String userAgent) {
        return new EndUser(ipAddress, Optional.of(Objects.requireNonNull(userAgent, "userAgent == null")));
    }

    private static void checkAddress(String ip) {
        boolean literal;
        if (IPV4.matcher(ip).matches()) {
            literal = true;
        } else if (ip.indexOf(':') >= 0 && IPV6_CHARS.matcher(ip).matches()) {
            try {
                InetAddress.getByName(ip); // a literal with ':' is parsed, never looked up
                literal = true;
            } catch (UnknownHostException e) {
                literal = false;
            }
        } else {
            literal = false;
        }
        if (!literal) {
            // The value is the caller's input, not a secret: quoting it helps find the bad source.
            throw new IllegalArgumentException("not an IPv4 or IPv6 address: '" + ip + "'");
        }
    }

    private static void checkAgent(String agent) {
        if (agent.isBlank()) {
            throw new IllegalArgumentException("a User-Agent cannot be blank");
        }
        if (agent.length() > MAX_USER_AGENT_LENGTH) {
            throw new IllegalArgumentException("a User-Agent is at most " + MAX_USER_AGENT_LENGTH + " characters, got " + agent.length());
        }
        for (int i = 0; i < agent.length(); i++) {
            char c = agent.charAt(i);
            if (c < 0x20 || c > 0x7e) { // CR and LF would split the header; HTTP header text is ASCII
                throw new IllegalArgumentException("a User-Agent must be one line of printable ASCII (character " + (int) c + " at " + i + ")");
            }
        }
    }
}
