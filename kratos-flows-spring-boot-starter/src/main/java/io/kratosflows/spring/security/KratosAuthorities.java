package io.kratosflows.spring.security;

import io.kratosflows.Aal;
import io.kratosflows.session.Session;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authorities a Kratos session grants: its assurance level ({@code AAL_aal1}, and
 * {@code AAL_aal2} once a second factor is done; a higher level includes the lower ones) and its
 * authentication methods ({@code AMR_password}, {@code AMR_totp}, {@code AMR_lookup_secret}, …,
 * after the OpenID "amr" claim).
 *
 * <pre>{@code
 * .requestMatchers("/transfers").hasAuthority(KratosAuthorities.AAL2)
 * }</pre>
 *
 * Prefer {@link KratosAuthorization#aal(Aal)} for assurance levels: it asks Kratos again before
 * refusing a cached session (a step-up shows at once) and answers {@code step_up}.
 */
public final class KratosAuthorities {

    /** Prefix of assurance-level authorities. */
    public static final String AAL_PREFIX = "AAL_";
    /** Prefix of authentication-method authorities. */
    public static final String METHOD_PREFIX = "AMR_";
    /** Granted to every session with one factor or more. */
    public static final String AAL1 = AAL_PREFIX + "aal1";
    /** Granted to sessions with a second factor. */
    public static final String AAL2 = AAL_PREFIX + "aal2";

    private static final List<Aal> LEVELS = List.of(Aal.AAL1, Aal.AAL2, Aal.AAL3);

    private KratosAuthorities() {
    }

    /** {@return the authority for an assurance level, e.g. {@code AAL_aal2}} */
    public static String aal(Aal aal) {
        return AAL_PREFIX + Objects.requireNonNull(aal, "aal == null").wireValue();
    }

    /** {@return the authority for an authentication method, e.g. {@code AMR_totp}} */
    public static String method(String method) {
        return METHOD_PREFIX + Objects.requireNonNull(method, "method == null");
    }

    /** {@return the level an authority stands for, if it is an assurance-level authority} */
    public static Optional<Aal> aalOf(String authority) {
        if (authority == null || !authority.startsWith(AAL_PREFIX)) {
            return Optional.empty();
        }
        Aal aal = Aal.fromWire(authority.substring(AAL_PREFIX.length()));
        return aal == Aal.UNKNOWN ? Optional.empty() : Optional.of(aal);
    }

    /** {@return the authorities of a session: its levels, then its methods} */
    public static List<GrantedAuthority> of(Session session) {
        Objects.requireNonNull(session, "session == null");
        Set<String> names = new LinkedHashSet<>();
        for (Aal level : LEVELS) {
            if (reaches(session.aal(), level)) {
                names.add(aal(level));
            }
        }
        session.authenticationMethods().forEach(m -> names.add(method(m.method())));
        List<GrantedAuthority> authorities = new ArrayList<>(names.size());
        names.forEach(n -> authorities.add(new SimpleGrantedAuthority(n)));
        return List.copyOf(authorities);
    }

    /** {@return whether {@code actual} is at least {@code required}; an unknown level reaches nothing} */
    static boolean reaches(Aal actual, Aal required) {
        return actual != Aal.UNKNOWN && required != Aal.UNKNOWN && actual.ordinal() >= required.ordinal();
    }
}
