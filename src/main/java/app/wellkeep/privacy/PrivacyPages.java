package app.wellkeep.privacy;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.privacy.ExportJob.Status;

/** The patient's data rights: download a copy of all their data, or delete their account and all of it. */
@Path("/privacy")
@RolesAllowed(Role.PATIENT_NAME)
@Produces(MediaType.TEXT_HTML)
public class PrivacyPages {

    static final Locale LOCALE = Locale.ENGLISH;
    /** Quarkus OIDC keeps the session in these cookies (split tokens and chunks add suffixes). */
    static final String SESSION_COOKIE = "q_session";
    private static final int BUFFER = 64 << 10;

    public record ExportRow(UUID id, String requested, String format, String status) {
    }

    public record ExportView(UUID id, String status, int done, int total, String fileName, String expires) {

        public boolean working() {
            return Status.valueOf(status).active();
        }

        public boolean ready() {
            return Status.valueOf(status) == Status.DONE;
        }
    }

    /** What the export page's script polls. */
    public record ExportStatus(String status, int done, int total, String text) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance overview(List<ExportRow> exports, List<String> formats, boolean invalidFormat);

        static native TemplateInstance export(ExportView view);

        static native TemplateInstance erase(String word, boolean wrongWord);

        static native TemplateInstance erased(boolean signInPending);
    }

    @Inject
    CurrentPerson current;

    @Inject
    ExportService exports;

    @Inject
    ErasureService erasure;

    @Inject
    PrivacyMessages messages;

    @GET
    public TemplateInstance overview() {
        return overview(current.person(), false);
    }

    @POST
    @Path("exports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestExport(@FormParam("format") String format) {
        Person person = current.person();
        ExportFormat chosen = Arrays.stream(ExportFormat.values()).filter(f -> f.name().equals(format)).findFirst()
                .orElse(null);
        if (chosen == null) {
            return Response.status(422).entity(overview(person, true)).build();
        }
        ExportJob job = exports.request(person.id, chosen);
        return Response.seeOther(URI.create("/privacy/exports/" + job.id)).build();
    }

    @GET
    @Path("exports/{id}")
    public TemplateInstance export(@PathParam("id") UUID id) {
        Person person = current.person();
        ExportJob job = exports.find(person.id, id).orElseThrow(NotFoundException::new);
        return Templates.export(new ExportView(job.id, job.status.name(), job.sectionsDone, job.sectionsTotal,
                job.fileName(), format(job.expiresAt, person.zone())));
    }

    @GET
    @Path("exports/{id}/status")
    @Produces(MediaType.APPLICATION_JSON)
    public ExportStatus status(@PathParam("id") UUID id) {
        ExportJob job = exports.find(current.person().id, id).orElseThrow(NotFoundException::new);
        return new ExportStatus(job.status.name(), job.sectionsDone, job.sectionsTotal,
                messages.exportProgress(job.sectionsDone, job.sectionsTotal));
    }

    @GET
    @Path("exports/{id}/download")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response download(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String accepted) {
        ExportService.StoredFile file = exports.download(current.person().id, id).orElseThrow(NotFoundException::new);
        Response.ResponseBuilder response = Response.ok().type(file.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
        // A client that takes no gzip gets the file unpacked on the way, its length unknown in advance.
        boolean asStored = file.encoding() == null || accepts(accepted, file.encoding());
        if (file.encoding() != null) {
            response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }
        if (asStored) {
            response.header(HttpHeaders.CONTENT_ENCODING, file.encoding()).header(HttpHeaders.CONTENT_LENGTH,
                    file.size());
        }
        // Streamed from the database a chunk at a time: a file of hundreds of megabytes is never in memory.
        StreamingOutput body = out -> {
            try (InputStream in = asStored ? file.content() : new GZIPInputStream(file.content(), BUFFER)) {
                in.transferTo(out);
            }
        };
        return response.entity(body).build();
    }

    /**
     * Whether an {@code Accept-Encoding} header takes the content coding: named, or {@code *}, with a weight above
     * 0 (RFC 9110, 12.5.3); an explicit {@code gzip;q=0} refuses it even where {@code *} would take it.
     */
    static boolean accepts(String acceptEncoding, String coding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean any = null;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String name = pieces[0].strip().toLowerCase(LOCALE);
            boolean wanted = true;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip().toLowerCase(LOCALE);
                if (parameter.startsWith("q=")) {
                    wanted = weight(parameter.substring(2)) > 0;
                }
            }
            if (name.equals(coding) || name.equals("x-" + coding)) {
                return wanted;
            }
            if (name.equals("*")) {
                any = wanted;
            }
        }
        return Boolean.TRUE.equals(any);
    }

    private static double weight(String q) {
        try {
            return Double.parseDouble(q.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @GET
    @Path("erase")
    public TemplateInstance confirmErasure() {
        return Templates.erase(messages.eraseConfirmWord(), false);
    }

    @POST
    @Path("erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@FormParam("confirmation") String confirmation, @Context HttpHeaders headers) {
        Person person = current.person();
        String word = messages.eraseConfirmWord();
        if (confirmation == null || !confirmation.strip().toUpperCase(LOCALE).equals(word.toUpperCase(LOCALE))) {
            return Response.status(422).entity(Templates.erase(word, true)).build();
        }
        ErasureService.Erasure done = erasure.erase(person.id);
        Response.ResponseBuilder goodbye = Response
                .seeOther(URI.create(done.signInRemoved() ? "/privacy/erased" : "/privacy/erased?sign-in=pending"));
        // Signing out: the session cookies go. Keycloak's own session went with the account.
        Set<String> sessionCookies = new LinkedHashSet<>();
        sessionCookies.add(SESSION_COOKIE);
        headers.getCookies().keySet().stream().filter(name -> name.startsWith(SESSION_COOKIE))
                .forEach(sessionCookies::add);
        for (String name : sessionCookies) {
            goodbye.cookie(new NewCookie.Builder(name).value("").path("/").maxAge(0).secure(true).httpOnly(true)
                    .sameSite(NewCookie.SameSite.LAX).build());
        }
        return goodbye.build();
    }

    /** Public: the person it is meant for is signed out by now. */
    @GET
    @Path("erased")
    @PermitAll
    public TemplateInstance erased(@QueryParam("sign-in") String signIn) {
        return Templates.erased("pending".equals(signIn));
    }

    private TemplateInstance overview(Person person, boolean invalidFormat) {
        List<ExportRow> rows = exports.recent(person.id).stream().map(job -> new ExportRow(job.id,
                format(job.createdAt, person.zone()), job.format.name(), job.status.name())).toList();
        return Templates.overview(rows, Arrays.stream(ExportFormat.values()).map(Enum::name).toList(), invalidFormat);
    }

    private static String format(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(LOCALE)
                .withZone(zone).format(instant);
    }
}
