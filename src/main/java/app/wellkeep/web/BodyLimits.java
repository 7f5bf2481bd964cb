package app.wellkeep.web;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The HTTP layer takes bodies as large as an upload may be; this holds every other request to {@link #MAX_BYTES},
 * before its body is read, so that a form or a JSON call cannot be made to fill the memory. A body of unknown length
 * (chunked) is refused there too: browsers and API clients send the length of what they post.
 */
@ApplicationScoped
public class BodyLimits {

    static final long MAX_BYTES = 1 << 20;
    /** The routes that take uploads (and are held to the upload limit by the import service instead). */
    static final Set<String> UPLOADS = Set.of("/imports", "/api/imports");

    void register(@Observes Filters filters) {
        filters.register(BodyLimits::check, 90);
    }

    static void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        HttpMethod method = request.method();
        boolean hasBody = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
        if (!hasBody || UPLOADS.contains(request.path())) {
            rc.next();
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length == null) {
            if (request.getHeader("Transfer-Encoding") != null) {
                rc.response().setStatusCode(411).end();
                return;
            }
        } else {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                rc.response().setStatusCode(400).end();
                return;
            }
            if (declared > MAX_BYTES) {
                rc.response().setStatusCode(413).end();
                return;
            }
        }
        rc.next();
    }
}
