package app.wellkeep.web;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

/**
 * Errors as people should see them: a page in the app's layout for browsers, a small JSON problem for the API,
 * never a stack trace. Unexpected errors get a reference that is logged with the cause, so support can find it.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance error(int status, String reference);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(Response.Status.NOT_FOUND.getStatusCode(), uri, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Response.Status.FORBIDDEN.getStatusCode(), uri, null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return respond(status, uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return respond(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), uri, reference);
    }

    private static Response respond(int status, UriInfo uri, String reference) {
        if (isApi(uri)) {
            Map<String, Object> problem = reference == null
                    ? Map.of("status", status)
                    : Map.of("status", status, "reference", reference);
            return Response.status(status).type("application/problem+json").entity(problem).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.error(status, reference))
                .build();
    }

    private static boolean isApi(UriInfo uri) {
        String path = uri.getPath();
        return path.equals("/api") || path.startsWith("/api/");
    }
}
