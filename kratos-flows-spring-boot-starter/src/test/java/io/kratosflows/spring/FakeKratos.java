package io.kratosflows.spring;

import io.kratosflows.Aal;
import io.kratosflows.Identity;
import io.kratosflows.IdentityId;
import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.Traits;
import io.kratosflows.error.KratosError;
import io.kratosflows.login.LoginFlows;
import io.kratosflows.recovery.RecoveryFlows;
import io.kratosflows.registration.RegistrationFlows;
import io.kratosflows.session.LogoutOutcome;
import io.kratosflows.session.Session;
import io.kratosflows.session.Sessions;
import io.kratosflows.session.TokenExchangeOutcome;
import io.kratosflows.session.WhoamiOutcome;
import io.kratosflows.settings.SettingsFlows;
import io.kratosflows.verification.VerificationFlows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link Kratos} whose whoami answers come from a table of tokens, counting the calls; every
 * flow call fails. For tests of the starter that need no Kratos.
 */
public final class FakeKratos implements Kratos {

    /** The answer for a token not in the table. */
    public static final WhoamiOutcome NOT_SIGNED_IN = new WhoamiOutcome.NotSignedIn(error(401, null));

    private final Map<String, Function<SessionToken, WhoamiOutcome>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger whoamiCalls = new AtomicInteger();
    private final FakeSessions sessions = new FakeSessions();

    /** Answers whoami for {@code token} with {@code outcome}. */
    public FakeKratos answer(String token, WhoamiOutcome outcome) {
        return answer(token, t -> outcome);
    }

    /** Answers whoami for {@code token} with what {@code answer} gives (it may block or throw). */
    public FakeKratos answer(String token, Function<SessionToken, WhoamiOutcome> answer) {
        answers.put(token, answer);
        return this;
    }

    /** {@return how many whoami calls were made} */
    public int whoamiCalls() {
        return whoamiCalls.get();
    }

    /** {@return an active session with an identity} */
    public static Session session(Aal aal, Instant authenticatedAt, Instant expiresAt) {
        List<Session.AuthenticationMethod> methods = aal == Aal.AAL2
                ? List.of(method("password", Aal.AAL1), method("totp", Aal.AAL2))
                : List.of(method("password", Aal.AAL1));
        Identity identity = new Identity(IdentityId.of(UUID.randomUUID().toString()), "default",
                Traits.email("ada@example.org"), Optional.of("active"), List.of(), List.of(), Optional.empty());
        return new Session(UUID.randomUUID().toString(), true, aal, methods, Optional.of(identity),
                Optional.of(authenticatedAt), Optional.of(authenticatedAt), Optional.of(expiresAt));
    }

    /** {@return whoami's answer for an active session} */
    public static WhoamiOutcome active(Session session) {
        return new WhoamiOutcome.Active(session);
    }

    /** {@return whoami's answer under {@code required_aal: highest_available} for an aal1 session} */
    public static WhoamiOutcome secondFactorRequired() {
        return new WhoamiOutcome.SecondFactorRequired(error(403, "session_aal2_required"), Optional.empty());
    }

    private static Session.AuthenticationMethod method(String name, Aal aal) {
        return new Session.AuthenticationMethod(name, aal, Optional.empty(), Optional.empty());
    }

    private static KratosError error(int status, String id) {
        return new KratosError(status, Optional.ofNullable(id), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of());
    }

    @Override
    public KratosConfig config() {
        return KratosConfig.builder().publicUrl("http://127.0.0.1:9").build();
    }

    @Override
    public LoginFlows login() {
        throw new UnsupportedOperationException("fake");
    }

    @Override
    public RegistrationFlows registration() {
        throw new UnsupportedOperationException("fake");
    }

    @Override
    public SettingsFlows settings() {
        throw new UnsupportedOperationException("fake");
    }

    @Override
    public RecoveryFlows recovery() {
        throw new UnsupportedOperationException("fake");
    }

    @Override
    public VerificationFlows verification() {
        throw new UnsupportedOperationException("fake");
    }

    @Override
    public Sessions sessions() {
        return sessions;
    }

    @Override
    public void close() {
    }

    private final class FakeSessions implements Sessions {
        @Override
        public WhoamiOutcome whoami(SessionToken token) {
            whoamiCalls.incrementAndGet();
            return answers.getOrDefault(token.reveal(), t -> NOT_SIGNED_IN).apply(token);
        }

        @Override
        public LogoutOutcome logout(SessionToken token) {
            throw new UnsupportedOperationException("fake");
        }

        @Override
        public TokenExchangeOutcome exchangeToken(Secret initCode, Secret returnToCode) {
            throw new UnsupportedOperationException("fake");
        }
    }
}
