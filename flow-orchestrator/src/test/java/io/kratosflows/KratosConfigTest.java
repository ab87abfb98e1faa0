package io.kratosflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** URLs and timeouts are checked when the configuration is built, with messages that say what is wrong. */
class KratosConfigTest {

    @Test
    void defaultsAndTrailingSlash() {
        KratosConfig config = KratosConfig.builder().publicUrl("http://127.0.0.1:4433/").build();

        assertEquals("http://127.0.0.1:4433", config.publicUrl().toString());
        assertEquals(Duration.ofSeconds(10), config.connectTimeout());
        assertEquals(Duration.ofSeconds(30), config.readTimeout());
        assertTrue(config.adminUrl().isEmpty());
        assertEquals(config.publicUrl(), config.toBuilder().build().publicUrl());
    }

    @Test
    void schemesAreCaseInsensitive() {
        assertEquals("http://127.0.0.1:4433", KratosConfig.builder().publicUrl("HTTP://127.0.0.1:4433/").build().publicUrl().toString());
        assertEquals("https://auth.example.com/kratos",
                KratosConfig.builder().publicUrl("Https://auth.example.com/kratos").build().publicUrl().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:4433", "ftp://kratos.example", "http://", "/relative/path",
            "http://kratos.example/?x=1", "http://user:pass@kratos.example"})
    void invalidUrlsAreRejectedWithTheReason(String url) {
        var error = assertThrows(IllegalArgumentException.class, () -> KratosConfig.builder().publicUrl(url).build());

        assertTrue(error.getMessage().startsWith("publicUrl"), error.getMessage());
        assertFalse(error.getMessage().contains("pass@"), "credentials never echoed");
    }

    @Test
    void malformedTextAndMissingUrlFail() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KratosConfig.builder().publicUrl("http://a b").build())
                .getMessage().contains("not a valid URL"));
        assertThrows(NullPointerException.class, () -> KratosConfig.builder().build());
    }

    @Test
    void timeoutsMustBePositive() {
        var builder = KratosConfig.builder().publicUrl("http://127.0.0.1:4433");

        assertThrows(IllegalArgumentException.class, () -> builder.connectTimeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> builder.connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofMillis(-1)).build());
        assertThrows(IllegalArgumentException.class, () -> builder.readTimeout(Duration.ofSeconds(1)).maxConnections(0).build());
    }

    private static KratosConfig.Builder local() {
        return KratosConfig.builder().publicUrl("http://127.0.0.1:4433");
    }

    @Test
    void everySettingIsKeptAndCopiedByToBuilder() throws Exception {
        ExchangeListener listener = exchange -> { };
        SSLContext tls = SSLContext.getDefault();
        KratosConfig config = local().adminUrl(" https://admin.example:4434/ ").timeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(7)).userAgent("app/1.0").sslContext(tls).maxConnections(4)
                .exchangeListener(listener).maxResponseBytes(2048).validateBeforeSending(true).build();

        for (KratosConfig c : new KratosConfig[] {config, config.toBuilder().build()}) {
            assertEquals(URI.create("https://admin.example:4434"), c.adminUrl().orElseThrow());
            assertEquals(Duration.ofSeconds(3), c.connectTimeout());
            assertEquals(Duration.ofSeconds(3), c.readTimeout());
            assertEquals(Duration.ofSeconds(7), c.callTimeout());
            assertEquals("app/1.0", c.userAgent());
            assertEquals(tls, c.sslContext().orElseThrow());
            assertTrue(c.httpClient().isEmpty());
            assertEquals(4, c.maxConnections());
            assertEquals(listener, c.exchangeListener().orElseThrow());
            assertEquals(2048, c.maxResponseBytes());
            assertTrue(c.validateBeforeSending());
        }
        assertEquals("KratosConfig[publicUrl=http://127.0.0.1:4433, adminUrl=https://admin.example:4434, connectTimeout=PT3S, "
                + "readTimeout=PT3S, callTimeout=PT7S, userAgent=app/1.0, customHttpClient=false, customTls=true, maxConnections=4, "
                + "maxResponseBytes=2048, validateBeforeSending=true, retryPolicy=RetryPolicy[none]]", config.toString());
    }

    @Test
    void defaultsAreDocumented() {
        KratosConfig config = local().build();

        assertEquals("kratos-flows", config.userAgent());
        assertEquals(20, config.maxConnections());
        assertEquals(Duration.ofSeconds(60), config.callTimeout());
        assertEquals(4L << 20, config.maxResponseBytes());
        assertFalse(config.validateBeforeSending());
        assertTrue(config.sslContext().isEmpty() && config.exchangeListener().isEmpty() && config.httpClient().isEmpty());
        assertTrue(config.toString().contains("adminUrl=null, ") && config.toString().contains("customTls=false"), config.toString());
    }

    @Test
    void aCustomClientExcludesACustomTlsContext() throws Exception {
        try (CloseableHttpClient client = HttpClients.createMinimal()) {
            KratosConfig config = local().httpClient(client).build();
            assertEquals(client, config.httpClient().orElseThrow());
            assertTrue(config.toString().contains("customHttpClient=true"), config.toString());

            var both = assertThrows(IllegalArgumentException.class, () -> local().httpClient(client).sslContext(SSLContext.getDefault()).build());
            assertTrue(both.getMessage().startsWith("set either httpClient or sslContext"), both.getMessage());
        }
    }

    @Test
    void limitsAreInclusive() {
        assertEquals(1, local().maxConnections(1).build().maxConnections());
        assertEquals(1024, local().maxResponseBytes(1024).build().maxResponseBytes());
        assertEquals(Integer.MAX_VALUE - 8, local().maxResponseBytes(Integer.MAX_VALUE - 8).build().maxResponseBytes());
        assertThrows(IllegalArgumentException.class, () -> local().maxResponseBytes(1023).build());
        assertThrows(IllegalArgumentException.class, () -> local().maxResponseBytes(Integer.MAX_VALUE - 7).build());
        assertEquals(Duration.ofMillis(1), local().callTimeout(Duration.ofMillis(1)).build().callTimeout());
        assertEquals(KratosConfig.MAX_TIMEOUT, local().readTimeout(KratosConfig.MAX_TIMEOUT).build().readTimeout());
        var tooShort = assertThrows(IllegalArgumentException.class, () -> local().callTimeout(Duration.ofNanos(999_999)).build());
        var tooLong = assertThrows(IllegalArgumentException.class,
                () -> local().connectTimeout(KratosConfig.MAX_TIMEOUT.plusMillis(1)).build());
        assertEquals("callTimeout must be at least 1 ms, got PT0.000999999S", tooShort.getMessage());
        assertTrue(tooLong.getMessage().startsWith("connectTimeout must be at most 2147483647 ms"), tooLong.getMessage());
    }

    @Test
    void httpsIsAcceptedAndAUrlWithoutHostIsNot() {
        assertEquals("https://kratos.example", local().publicUrl("https://kratos.example").build().publicUrl().toString());
        var noHost = assertThrows(IllegalArgumentException.class, () -> local().publicUrl(URI.create("http:///path")).build());
        var adminQuery = assertThrows(IllegalArgumentException.class, () -> local().adminUrl("http://admin.example#x").build());

        assertEquals("publicUrl has no host: http:///path", noHost.getMessage());
        assertEquals("adminUrl must not have a query or fragment: http://admin.example#x", adminQuery.getMessage());
    }

    @Test
    void timeoutsOf2To31MillisecondsOrMoreAreRefused() {
        var builder = KratosConfig.builder().publicUrl("http://127.0.0.1:4433");
        Duration max = Duration.ofMillis(Integer.MAX_VALUE);

        assertEquals(max, builder.readTimeout(max).build().readTimeout());
        for (Duration tooLong : new Duration[] {max.plusMillis(1), Duration.ofDays(365), Duration.ofSeconds(Long.MAX_VALUE)}) {
            assertThrows(IllegalArgumentException.class, () -> KratosConfig.builder().publicUrl("http://127.0.0.1:4433")
                    .connectTimeout(tooLong).build());
            assertThrows(IllegalArgumentException.class, () -> KratosConfig.builder().publicUrl("http://127.0.0.1:4433")
                    .readTimeout(tooLong).build());
            var error = assertThrows(IllegalArgumentException.class, () -> KratosConfig.builder().publicUrl("http://127.0.0.1:4433")
                    .callTimeout(tooLong).build());
            assertTrue(error.getMessage().startsWith("callTimeout must be at most 2147483647 ms"), error.getMessage());
        }
    }

    @Test
    void theRetryPolicyDefaultsToNoneAndIsKept() {
        var policy = RetryPolicy.exponential(3, Duration.ofMillis(100), Duration.ofSeconds(1));

        assertEquals(RetryPolicy.none(), KratosConfig.builder().publicUrl("http://127.0.0.1:4433").build().retryPolicy());
        assertEquals(policy, KratosConfig.builder().publicUrl("http://127.0.0.1:4433").retryPolicy(policy).build().toBuilder()
                .build().retryPolicy());
        assertThrows(NullPointerException.class, () -> KratosConfig.builder().publicUrl("http://127.0.0.1:4433").retryPolicy(null).build());
    }
}
