package io.kefu;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like session against the running application over real HTTP: cookies kept, redirects not followed,
 * the CSRF token taken from the last page like a form would.
 */
public final class WebSession {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http;
    private String csrf;
    private String forwardedFor;

    public record Page(int status, String body, String location) {
    }

    public WebSession(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends every request as if through a reverse proxy for this client address ({@code X-Forwarded-For}). */
    public WebSession from(String clientAddress) {
        this.forwardedFor = clientAddress;
        return this;
    }

    /** Signs in through the login form; returns the response to the form post. */
    public Page signIn(String username, String password) {
        get("/login");
        return post("/login", Map.of("username", username, "password", password));
    }

    /** A path, or an absolute address such as a redirect's {@code Location}. */
    public Page get(String path) {
        URI uri = URI.create(path.startsWith("http") ? path : baseUrl + path);
        Page page = send(HttpRequest.newBuilder(uri).GET());
        rememberCsrf(page.body());
        return page;
    }

    /** A GET as htmx sends it, answered with the page fragment htmx swaps in. */
    public Page htmxGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("HX-Request", "true").GET());
    }

    /** Posts a form with the session's CSRF token, fetching one from the home page when none is known yet. */
    public Page post(String path, Map<String, String> fields) {
        return post(path, fields, false);
    }

    /** Posts a form as htmx does, answered with a page fragment. */
    public Page htmxPost(String path, Map<String, String> fields) {
        return post(path, fields, true);
    }

    private Page post(String path, Map<String, String> fields, boolean htmx) {
        if (csrf == null) {
            get("/login");
        }
        String form = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        form = (form.isEmpty() ? "" : form + "&") + "_csrf=" + encode(csrf);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (htmx) {
            request.header("HX-Request", "true");
        }
        Page page = send(request.POST(HttpRequest.BodyPublishers.ofString(form)));
        rememberCsrf(page.body());
        return page;
    }

    private Page send(HttpRequest.Builder request) {
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void rememberCsrf(String body) {
        for (Pattern pattern : new Pattern[] {CSRF_INPUT, CSRF_META}) {
            Matcher m = pattern.matcher(body);
            if (m.find()) {
                csrf = m.group(1);
                return;
            }
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
