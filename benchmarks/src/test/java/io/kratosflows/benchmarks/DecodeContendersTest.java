package io.kratosflows.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three contenders of {@link DecodeBenchmark} make the same decision and extract the same
 * fields from every recorded body, so that no benchmark measures a path that is broken or does less.
 */
class DecodeContendersTest {

    private final LibraryDecoder library = new LibraryDecoder();

    @ParameterizedTest
    @EnumSource(Body.class)
    void theLibraryExtractsWhatTheJacksonBaselineExtracts(Body body) throws IOException {
        Facts baseline = JacksonBaseline.decode(body.call(), body.status(), body.bytes());

        Facts fromLibrary = FactsMapping.ofLibrary(library.decode(body.call(), body.status(), body.bytes(), body.method()));

        assertEquals(baseline, fromLibrary);
    }

    @ParameterizedTest
    @EnumSource(Body.class)
    void theSdkExtractsWhatTheJacksonBaselineExtracts(Body body) throws IOException {
        Facts baseline = JacksonBaseline.decode(body.call(), body.status(), body.bytes());

        Facts fromSdk = FactsMapping.ofSdk(SdkDecoder.decode(body.call(), body.status(), body.bytes()));

        assertEquals(baseline, fromSdk);
    }

    @ParameterizedTest
    @EnumSource(Body.class)
    void everyBodyCarriesWhatItsDecisionIsAbout(Body body) throws IOException {
        Facts facts = JacksonBaseline.decode(body.call(), body.status(), body.bytes());

        boolean flow = facts.flowId().isPresent() && !facts.nodes().isEmpty();
        boolean session = facts.sessionId().isPresent() && facts.identityId().isPresent() && facts.sessionExpiresAt().isPresent();
        boolean error = facts.errorReason().isPresent();
        assertFalse(!flow && !session && !error, "nothing extracted from " + body);
    }
}
