package io.kratosflows.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.kratosflows.HttpExchange;
import io.kratosflows.generated.invoker.ApiClient;
import io.kratosflows.generated.invoker.ApiException;
import io.kratosflows.generated.invoker.Pair;
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
    private final ThreadLocal<String> requestLine = new ThreadLocal<>();

    CapturingApiClient(CloseableHttpClient httpClient) {
        super(httpClient);
    }

    @Override
    protected <T> T processResponse(org.apache.hc.client5.http.impl.classic.CloseableHttpResponse response,
                                    TypeReference<T> returnType) throws IOException, ParseException {
        captured.set(read(response));
        return null;
    }

    @Override
    public <T> T invokeAPI(String path, String method, List<Pair> queryParams, List<Pair> collectionQueryParams,
                           String urlQueryDeepObject, Object body, Map<String, String> headerParams,
                           Map<String, String> cookieParams, Map<String, Object> formParams, String accept,
                           String contentType, String[] authNames, TypeReference<T> returnType) throws ApiException {
        requestLine.set(method + " " + path + query(queryParams));
        return super.invokeAPI(path, method, queryParams, collectionQueryParams, urlQueryDeepObject, body, headerParams,
                cookieParams, formParams, accept, contentType, authNames, returnType);
    }

    private static String query(List<Pair> params) {
        StringBuilder q = new StringBuilder();
        for (Pair p : params) {
            if (p.getName() != null && p.getValue() != null) {
                q.append(q.length() == 0 ? '?' : '&').append(p.getName()).append('=')
                        .append(HttpExchange.shownValue(p.getName(), p.getValue()));
            }
        }
        return q.toString();
    }

    /** Returns and forgets {@code METHOD /path?query} of the last call on this thread (secret values as ***). */
    String takeRequestLine() {
        String line = requestLine.get();
        requestLine.remove();
        return line == null ? "? ?" : line;
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
