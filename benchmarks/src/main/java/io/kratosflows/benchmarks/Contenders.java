package io.kratosflows.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import io.kratosflows.Secret;
import io.kratosflows.SessionToken;
import io.kratosflows.login.LoginFlow;
import io.kratosflows.login.LoginMethod;
import io.kratosflows.login.LoginOutcome;
import io.kratosflows.session.WhoamiOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import sh.ory.kratos.ApiClient;
import sh.ory.kratos.ApiException;
import sh.ory.kratos.api.FrontendApi;
import sh.ory.kratos.model.Session;
import sh.ory.kratos.model.SuccessfulNativeLogin;
import sh.ory.kratos.model.UpdateLoginFlowBody;
import sh.ory.kratos.model.UpdateLoginFlowWithPasswordMethod;

/**
 * The three clients of the whole-call benchmarks, each making the same Kratos calls through one
 * instance shared by every benchmark thread, with a pool of the same size: kratos-flows' public
 * API, Apache HttpClient 5 with the Jackson baseline, and the official SDK (OkHttp). Each call
 * checks the answer is the one expected and throws otherwise, so a broken path cannot pass for a
 * fast one.
 */
public final class Contenders {

    private Contenders() {
    }

    /** The calls every contender makes. */
    public interface Client extends AutoCloseable {

        /** Starts the login flow that {@link #submit} submits to (outside the measurement). */
        void prepare();

        /** {@return the answer to submitting the password to the prepared flow: a session} */
        Object submit();

        /** {@return the answer to starting a login flow and submitting the password to it: a session} */
        Object login();

        /** {@return whoami's answer for {@code token}: an active session} */
        Object whoami(String token);

        /** {@return a session token, from a fresh login} */
        String token();

        @Override
        void close();
    }

    private static String base(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** kratos-flows: {@code Kratos.connect}, {@code login().start/submit}, {@code sessions().whoami}. */
    public static final class Library implements Client {
        private final Kratos kratos;
        private final LoginMethod.Password password;
        private LoginFlow flow;

        /** A client of the Kratos at {@code url} with a pool of {@code pool} connections. */
        public Library(String url, int pool, String identifier, String secret) {
            this.kratos = Kratos.connect(KratosConfig.builder().publicUrl(base(url)).maxConnections(pool)
                    .timeout(Duration.ofSeconds(30)).build());
            this.password = new LoginMethod.Password(identifier, Secret.of(secret));
        }

        @Override
        public void prepare() {
            flow = kratos.login().start();
        }

        @Override
        public Object submit() {
            return completed(kratos.login().submit(flow, password));
        }

        @Override
        public Object login() {
            return completed(kratos.login().submit(kratos.login().start(), password));
        }

        private static LoginOutcome.Completed completed(LoginOutcome outcome) {
            if (outcome instanceof LoginOutcome.Completed c) {
                return c;
            }
            throw new IllegalStateException("login: " + outcome.getClass().getSimpleName());
        }

        @Override
        public Object whoami(String token) {
            WhoamiOutcome outcome = kratos.sessions().whoami(SessionToken.of(token));
            if (outcome instanceof WhoamiOutcome.Active) {
                return outcome;
            }
            throw new IllegalStateException("whoami: " + outcome.getClass().getSimpleName());
        }

        @Override
        public String token() {
            return ((LoginOutcome.Completed) login()).token().reveal();
        }

        @Override
        public void close() {
            kratos.close();
        }
    }

    /** Raw Apache HttpClient 5 (configured as the library configures its own) and {@link JacksonBaseline}. */
    public static final class Raw implements Client {
        private final CloseableHttpClient http;
        private final String base;
        private final String identifier;
        private final String secret;
        private String flowId;

        /** A client of the Kratos at {@code url} with a pool of {@code pool} connections. */
        public Raw(String url, int pool, String identifier, String secret) {
            this.base = base(url);
            this.identifier = identifier;
            this.secret = secret;
            this.http = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(pool).setMaxConnPerRoute(pool)
                            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(30))
                                    .setSocketTimeout(Timeout.ofSeconds(30)).build())
                            .build())
                    .disableRedirectHandling().disableCookieManagement().disableAutomaticRetries().disableContentCompression()
                    .build();
        }

        @Override
        public void prepare() {
            flowId = start();
        }

        private String start() {
            Facts flow = call(new HttpGet(base + "/self-service/login/api"), Body.Call.LOGIN_START, "flow");
            return flow.flowId().orElseThrow();
        }

        @Override
        public Object submit() {
            return submit(flowId);
        }

        private Facts submit(String flow) {
            HttpPost post = new HttpPost(base + "/self-service/login?flow=" + URLEncoder.encode(flow, StandardCharsets.UTF_8));
            ObjectNode body = JacksonBaseline.MAPPER.createObjectNode()
                    .put("method", "password").put("identifier", identifier).put("password", secret);
            try {
                post.setEntity(new ByteArrayEntity(JacksonBaseline.MAPPER.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return call(post, Body.Call.LOGIN_SUBMIT, "completed");
        }

        @Override
        public Object login() {
            return submit(start());
        }

        @Override
        public Object whoami(String token) {
            HttpGet get = new HttpGet(base + "/sessions/whoami");
            get.setHeader("X-Session-Token", token);
            return call(get, Body.Call.WHOAMI, "active");
        }

        @Override
        public String token() {
            throw new UnsupportedOperationException("the benchmarks take their token from the library");
        }

        private Facts call(HttpUriRequestBase request, Body.Call call, String expected) {
            request.setHeader("Accept", "application/json");
            try {
                Facts facts = http.execute(request, r -> JacksonBaseline.decode(call, r.getCode(),
                        r.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(r.getEntity())));
                if (!facts.kind().equals(expected)) {
                    throw new IllegalStateException(call + ": " + facts.kind());
                }
                return facts;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                http.close();
            } catch (IOException e) {
                // idle connections only
            }
        }
    }

    /** The official SDK: {@code FrontendApi} on its {@code ApiClient} and OkHttp. */
    public static final class Sdk implements Client {
        private final OkHttpClient ok;
        private final FrontendApi frontend;
        private final String identifier;
        private final String secret;
        private String flowId;

        /**
         * A client of the Kratos at {@code url}. OkHttp has no bound on connections for synchronous
         * calls: {@code pool} is only the number of idle ones it keeps.
         */
        public Sdk(String url, int pool, String identifier, String secret) {
            this.ok = new OkHttpClient.Builder().connectionPool(new ConnectionPool(pool, 5, TimeUnit.MINUTES))
                    .connectTimeout(Duration.ofSeconds(30)).readTimeout(Duration.ofSeconds(30)).build();
            ApiClient api = new ApiClient(ok);
            api.setBasePath(base(url));
            this.frontend = new FrontendApi(api);
            this.identifier = identifier;
            this.secret = secret;
        }

        @Override
        public void prepare() {
            flowId = start();
        }

        private String start() {
            try {
                return frontend.createNativeLoginFlow(null, null, null, null, null, null, null, null).getId();
            } catch (ApiException e) {
                throw new IllegalStateException("start: " + e.getCode(), e);
            }
        }

        @Override
        public Object submit() {
            return submit(flowId);
        }

        private SuccessfulNativeLogin submit(String flow) {
            try {
                SuccessfulNativeLogin login = frontend.updateLoginFlow(flow, new UpdateLoginFlowBody(
                        new UpdateLoginFlowWithPasswordMethod().method("password").identifier(identifier).password(secret)), null, null);
                if (login.getSessionToken() == null || login.getSession() == null) {
                    throw new IllegalStateException("login: no session");
                }
                return login;
            } catch (ApiException e) {
                throw new IllegalStateException("login: " + e.getCode(), e);
            }
        }

        @Override
        public Object login() {
            return submit(start());
        }

        @Override
        public Object whoami(String token) {
            try {
                Session session = frontend.toSession(token, null, null);
                if (!Boolean.TRUE.equals(session.getActive())) {
                    throw new IllegalStateException("whoami: inactive");
                }
                return session;
            } catch (ApiException e) {
                throw new IllegalStateException("whoami: " + e.getCode(), e);
            }
        }

        @Override
        public String token() {
            throw new UnsupportedOperationException("the benchmarks take their token from the library");
        }

        @Override
        public void close() {
            ok.dispatcher().executorService().shutdown();
            ok.connectionPool().evictAll();
        }
    }
}
