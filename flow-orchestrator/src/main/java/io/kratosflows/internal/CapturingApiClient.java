package io.kratosflows.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.kratosflows.generated.invoker.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The generated {@link ApiClient} with its response handling replaced: every response, whatever
 * its status, is captured as a {@link WireResponse} for the calling thread instead of being
 * deserialized or thrown. Kratos's 400/410/422 answers carry the next flow state, so the
 * orchestrator must see them as data; generated code still builds paths, parameters and bodies.
 */
final class CapturingApiClient extends ApiClient {

    private final ThreadLocal<WireResponse> captured = new ThreadLocal<>();

    CapturingApiClient(CloseableHttpClient httpClient) {
        super(httpClient);
    }

    @Override
    protected <T> T processResponse(org.apache.hc.client5.http.impl.classic.CloseableHttpResponse response,
                                    TypeReference<T> returnType) throws IOException, ParseException {
        captured.set(read(response));
        return null;
    }

    /** Returns and forgets the response captured on this thread by the last call. */
    WireResponse take() {
        WireResponse response = captured.get();
        captured.remove();
        return response;
    }

    private static WireResponse read(ClassicHttpResponse response) throws IOException, ParseException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
        }
        String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        return new WireResponse(response.getCode(), headers, body);
    }
}
