package io.kratosflows.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A scripted stand-in for the system browser a native app opens for social sign-in: an HTTP
 * client with a cookie jar that follows redirects one by one, as a browser does, and stops before
 * loading a URL that starts with one of its stop prefixes (the app's {@code return_to}, where the
 * operating system would hand the URL back to the app). Test-only; the library itself never
 * follows redirects or keeps cookies.
 *
 * <pre>{@code
 * ScriptedBrowser browser = ScriptedBrowser.stoppingAt("https://example.com/app");
 * ScriptedBrowser.Result result = browser.open(browserRequired.redirectBrowserTo());
 * Secret returnToCode = Secret.of(result.query().get("code"));
 * }</pre>
 *
 * <p>It sends {@code Accept: text/html}, so Kratos treats it as a browser (redirects, not JSON).
 * Not thread-safe: one browser per scenario.
 */
public final class ScriptedBrowser {

    private static final int MAX_HOPS = 20;

    private final List<String> stopPrefixes;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    private ScriptedBrowser(List<String> stopPrefixes) {
        this.stopPrefixes = List.copyOf(stopPrefixes);
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A browser that stops before loading any URL that starts with one of {@code prefixes}. */
    public static ScriptedBrowser stoppingAt(String... prefixes) {
        if (prefixes.length == 0) {
            throw new IllegalArgumentException("give at least one stop prefix (the app's return_to)");
        }
        return new ScriptedBrowser(List.of(prefixes));
    }

    /**
     * Opens {@code url} and follows redirects until a response is not a redirect, or the next
     * location starts with a stop prefix (which is then not loaded).
     *
     * @throws IllegalStateException after {@value #MAX_HOPS} redirects
     */
    public Result open(String url) {
        Objects.requireNonNull(url, "url");
        List<URI> visited = new ArrayList<>();
        URI current = URI.create(url);
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            if (stops(current)) {
                return new Result(current, Optional.empty(), "", visited, true);
            }
            visited.add(current);
            HttpResponse<String> response = get(current);
            Optional<String> location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return new Result(current, Optional.of(response.statusCode()), response.body(), visited, false);
            }
            current = current.resolve(location.get());
        }
        throw new IllegalStateException("more than " + MAX_HOPS + " redirects, last " + current);
    }

    private boolean stops(URI uri) {
        String text = uri.toString();
        return stopPrefixes.stream().anyMatch(text::startsWith);
    }

    private HttpResponse<String> get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(15))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("User-Agent", "kratos-flows-testkit ScriptedBrowser")
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("browser could not load " + uri.getScheme() + "://"
                    + uri.getAuthority() + uri.getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + uri.getPath(), e);
        }
    }

    /**
     * Where the browser ended up.
     *
     * @param url     the last URL: a stop URL (not loaded) or the last page loaded
     * @param status  the last page's HTTP status; empty when the browser stopped at a stop prefix
     * @param body    the last page's body; empty when stopped
     * @param visited the URLs loaded, in order
     * @param stopped whether the browser stopped at a stop prefix (the hand-back to the app)
     */
    public record Result(URI url, Optional<Integer> status, String body, List<URI> visited, boolean stopped) {
        /** Copies the list. */
        public Result {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(body, "body");
            visited = List.copyOf(visited);
        }

        /** {@return the query parameters of {@link #url()}, decoded (first value of each)} */
        public Map<String, String> query() {
            return Map.copyOf(OidcTestProvider.parseForm(url.getRawQuery()));
        }

        /** Prints the URL without its query, which may hold codes. */
        @Override
        public String toString() {
            return "Result[url=" + url.getScheme() + "://" + url.getAuthority() + url.getPath()
                    + (url.getRawQuery() == null ? "" : "?<" + query().keySet() + ">")
                    + ", status=" + status + ", stopped=" + stopped + ", hops=" + visited.size() + "]";
        }
    }
}
