package app.wellkeep.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.Role;

/** For administrators: whether the access log is intact, and if not, its first broken link. */
@Path("/admin/audit")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance verification(AuditLog.Verification result);
    }

    @Inject
    AuditLog audit;

    @GET
    public TemplateInstance verify() {
        return Templates.verification(audit.verify());
    }
}
