package io.kratosflows;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * How to reach Kratos: the public URL, an optional admin URL, timeouts, user agent and, when
 * needed, TLS settings or a whole HTTP client. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * KratosConfig config = KratosConfig.builder()
 *         .publicUrl(URI.create("https://auth.example.com"))
 *         .connectTimeout(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 */
public final class KratosConfig {

    private final URI publicUrl;
    private final URI adminUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final String userAgent;
    private final SSLContext sslContext;
    private final CloseableHttpClient httpClient;
    private final int maxConnections;
    private final ExchangeListener exchangeListener;
    private final Duration callTimeout;
    private final long maxResponseBytes;
    private final boolean validateBeforeSending;

    private KratosConfig(Builder b) {
        this.publicUrl = checkUrl("publicUrl", Objects.requireNonNull(b.publicUrl, "publicUrl is required"));
        this.adminUrl = b.adminUrl == null ? null : checkUrl("adminUrl", b.adminUrl);
        this.connectTimeout = checkPositive("connectTimeout", b.connectTimeout);
        this.readTimeout = checkPositive("readTimeout", b.readTimeout);
        this.userAgent = Objects.requireNonNull(b.userAgent, "userAgent == null");
        this.sslContext = b.sslContext;
        this.httpClient = b.httpClient;
        if (b.maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + b.maxConnections);
        }
        this.maxConnections = b.maxConnections;
        this.exchangeListener = b.exchangeListener;
        this.callTimeout = checkPositive("callTimeout", b.callTimeout);
        if (b.maxResponseBytes < 1024 || b.maxResponseBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxResponseBytes must be between 1024 and " + (Integer.MAX_VALUE - 8)
                    + ", got " + b.maxResponseBytes);
        }
        this.maxResponseBytes = b.maxResponseBytes;
        this.validateBeforeSending = b.validateBeforeSending;
        if (httpClient != null && sslContext != null) {
            throw new IllegalArgumentException("set either httpClient or sslContext: a custom client brings its own TLS");
        }
    }

    /**
     * {@return a new builder with the defaults} 10 s connect, 30 s read and 60 s call timeout, 20
     * connections, responses up to 4 MiB, field validation left to Kratos.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this configuration's values} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.publicUrl = publicUrl;
        b.adminUrl = adminUrl;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.userAgent = userAgent;
        b.sslContext = sslContext;
        b.httpClient = httpClient;
        b.maxConnections = maxConnections;
        b.exchangeListener = exchangeListener;
        b.callTimeout = callTimeout;
        b.maxResponseBytes = maxResponseBytes;
        b.validateBeforeSending = validateBeforeSending;
        return b;
    }

    /** {@return the public API URL, without a trailing slash} */
    public URI publicUrl() {
        return publicUrl;
    }

    /** {@return the admin API URL, when configured} */
    public Optional<URI> adminUrl() {
        return Optional.ofNullable(adminUrl);
    }

    /** {@return the connect timeout} */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@return the read (response) timeout} */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** {@return the User-Agent header sent on every call} */
    public String userAgent() {
        return userAgent;
    }

    /** {@return the TLS context for the built-in HTTP client, when set} */
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    /** {@return the caller's own HTTP client, when set} */
    public Optional<CloseableHttpClient> httpClient() {
        return Optional.ofNullable(httpClient);
    }

    /** {@return the size of the built-in connection pool} */
    public int maxConnections() {
        return maxConnections;
    }

    /** {@return the listener told about every exchange, when set} */
    public java.util.Optional<ExchangeListener> exchangeListener() {
        return java.util.Optional.ofNullable(exchangeListener);
    }

    /** {@return the total time one call may take: waiting for a pooled connection, connecting, sending, reading the body} */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** {@return the largest response body read; a larger one is refused while streaming} */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** {@return whether method payloads' fields are checked before sending (otherwise Kratos checks them)} */
    public boolean validateBeforeSending() {
        return validateBeforeSending;
    }

    @Override
    public String toString() {
        return "KratosConfig[publicUrl=" + publicUrl + ", adminUrl=" + adminUrl + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout + ", userAgent=" + userAgent
                + ", customHttpClient=" + (httpClient != null) + ", customTls=" + (sslContext != null)
                + ", maxConnections=" + maxConnections + ", maxResponseBytes=" + maxResponseBytes
                + ", validateBeforeSending=" + validateBeforeSending + "]";
    }

    private static URI checkUrl(String name, URI url) {
        String scheme = url.getScheme();
        if (!url.isAbsolute() || scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException(name + " must be an absolute http or https URL, got " + url);
        }
        if (!scheme.equals(scheme.toLowerCase(java.util.Locale.ROOT))) {
            // Schemes are case-insensitive (RFC 3986); HTTP://host is http://host.
            url = URI.create(scheme.toLowerCase(java.util.Locale.ROOT) + url.toString().substring(scheme.length()));
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new IllegalArgumentException(name + " has no host: " + url);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must not have a query or fragment: " + url);
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(name + " must not carry credentials");
        }
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
    }

    /** The longest timeout: HttpClient counts milliseconds in an int (about 24.8 days). */
    static final Duration MAX_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

    private static Duration checkPositive(String name, Duration value) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isNegative() || value.isZero() || value.toNanos() < 1_000_000) {
            throw new IllegalArgumentException(name + " must be at least 1 ms, got " + value);
        }
        if (value.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_TIMEOUT.toMillis() + " ms (about 24 days), got "
                    + value);
        }
        return value;
    }

    /** Collects a {@link KratosConfig}. Not thread-safe; the built configuration is. */
    public static final class Builder {
        private URI publicUrl;
        private URI adminUrl;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private String userAgent = "kratos-flows";
        private SSLContext sslContext;
        private CloseableHttpClient httpClient;
        private int maxConnections = 20;
        private ExchangeListener exchangeListener;
        private Duration callTimeout = Duration.ofSeconds(60);
        private long maxResponseBytes = 4L << 20;
        private boolean validateBeforeSending;

        private Builder() {
        }

        /** Sets the Kratos public API URL (required), e.g. {@code http://127.0.0.1:4433}. */
        public Builder publicUrl(URI url) {
            this.publicUrl = url;
            return this;
        }

        /** Sets the public API URL from text; a malformed URL fails here. */
        public Builder publicUrl(String url) {
            return publicUrl(parse("publicUrl", url));
        }

        /** Sets the Kratos admin API URL (optional; only admin helpers use it). */
        public Builder adminUrl(URI url) {
            this.adminUrl = url;
            return this;
        }

        /** Sets the admin API URL from text; a malformed URL fails here. */
        public Builder adminUrl(String url) {
            return adminUrl(parse("adminUrl", url));
        }

        /** Sets the connect timeout (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Sets the read (response) timeout (default 30 s). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** Sets both timeouts. */
        public Builder timeout(Duration timeout) {
            return connectTimeout(timeout).readTimeout(timeout);
        }

        /** Sets the User-Agent header (default {@code kratos-flows}). */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** Sets a TLS context (private CA, client certificates) for the built-in client. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /**
         * Uses the caller's HTTP client instead of the built-in one. kratos-flows does not close it.
         *
         * @apiNote The client must not follow redirects: a native flow must see Kratos's 303s. Cookies
         *          are never sent either way: each call runs with an empty cookie store of its own.
         */
        public Builder httpClient(CloseableHttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** Sets the size of the built-in connection pool (default 20). */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** Sets a listener told about every HTTP exchange (method, path, status, time; never secrets). */
        public Builder exchangeListener(ExchangeListener listener) {
            this.exchangeListener = listener;
            return this;
        }

        /**
         * Sets the total time one call may take (default 60 s): waiting for a pooled connection,
         * connecting, sending and reading the whole body. A server that answers one byte at a time
         * cannot hold a caller longer than this.
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /** Sets the largest response body read (default 4 MiB); a larger one fails the call while streaming. */
        public Builder maxResponseBytes(long maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /**
         * Checks method payloads' fields (blank identifiers, passwords, codes, malformed addresses)
         * before sending (default off: Kratos checks them and answers with its own localized
         * messages, e.g. 4000002 "Property identifier is missing", as {@code NeedsInput}).
         */
        public Builder validateBeforeSending(boolean validate) {
            this.validateBeforeSending = validate;
            return this;
        }

        /** {@return the configuration} Fails with {@link IllegalArgumentException} on invalid values. */
        public KratosConfig build() {
            return new KratosConfig(this);
        }

        private static URI parse(String name, String url) {
            Objects.requireNonNull(url, name + " == null");
            try {
                return new URI(url.trim());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException(name + " is not a valid URL: " + e.getMessage(), e);
            }
        }
    }
}
