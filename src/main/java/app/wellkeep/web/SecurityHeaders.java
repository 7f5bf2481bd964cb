package app.wellkeep.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every response, including static assets, redirects and errors. The policy allows no inline
 * script or style and no other origin, except that forms may lead to the identity provider (sign-out redirects
 * there).
 */
@ApplicationScoped
public class SecurityHeaders {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    @ConfigProperty(name = "wellkeep.security.hsts", defaultValue = "false")
    boolean hsts;

    void register(@Observes Filters filters) {
        String policy = contentSecurityPolicy(origin(authServerUrl));
        filters.register(rc -> {
            rc.addHeadersEndHandler(ignored -> apply(rc, policy));
            rc.next();
        }, 100);
    }

    static String contentSecurityPolicy(String identityProviderOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self' " + identityProviderOrigin;
    }

    private void apply(RoutingContext rc, String policy) {
        String path = rc.normalizedPath();
        MultiMap headers = rc.response().headers();
        // Quarkus' own developer tools (dev mode only) rely on inline script.
        if (!path.startsWith("/q/dev")) {
            headers.set("Content-Security-Policy", policy);
        }
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (hsts) {
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        // Health data must not linger in shared caches or the browser's history cache.
        if (!path.startsWith("/assets/") && !headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
