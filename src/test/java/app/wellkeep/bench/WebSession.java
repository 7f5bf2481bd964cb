package app.wellkeep.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a demo user in through Keycloak's login form the way a browser does (code flow, redirects, cookies kept by
 * hand so the app's Secure cookies work over plain local HTTP), and returns the app's session cookies.
 */
final class WebSession {

    private static final Pattern FORM_ACTION = Pattern
            .compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Map<String, String>> cookiesByHost = new LinkedHashMap<>();

    /** The Cookie header value that carries the signed-in session of {@code username} into {@code appUrl}. */
    static String signIn(String appUrl, String username, String password) throws IOException, InterruptedException {
        return signIn(appUrl, username, password, "/dashboard");
    }

    /** As {@link #signIn(String, String, String)}, starting from a page the person may see (a coach: not the dashboard). */
    static String signIn(String appUrl, String username, String password, String start)
            throws IOException, InterruptedException {
        WebSession session = new WebSession();
        HttpResponse<String> response = session.get(appUrl + start);
        int hops = 0;
        while (response.statusCode() / 100 == 3 && hops++ < 5) {
            response = session.get(response.headers().firstValue("Location").orElseThrow());
        }
        Matcher action = FORM_ACTION.matcher(response.body());
        if (!action.find()) {
            throw new IllegalStateException("No Keycloak login form (status " + response.statusCode() + ")");
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        response = session.post(action.group(1).replace("&amp;", "&"), form);
        hops = 0;
        while (response.statusCode() / 100 == 3 && hops++ < 5) {
            response = session.get(response.headers().firstValue("Location").orElseThrow());
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Signing in ended with status " + response.statusCode());
        }
        Map<String, String> app = session.cookiesByHost.getOrDefault(URI.create(appUrl).getAuthority(), Map.of());
        return app.entrySet().stream().filter(e -> e.getKey().startsWith("q_session"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), url);
    }

    private HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), url);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String url)
            throws IOException, InterruptedException {
        String host = URI.create(url).getAuthority();
        Map<String, String> jar = cookiesByHost.computeIfAbsent(host, h -> new LinkedHashMap<>());
        if (!jar.isEmpty()) {
            request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty() || cookie.toLowerCase().contains("max-age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
        return response;
    }
}
