package io.kratosflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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

    /** #21: a timeout of 2^31 ms or more overflowed HttpClient's int milliseconds; it is refused when built. */
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
