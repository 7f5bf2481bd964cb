package app.wellkeep.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.ingest.ImportJob.Status;

/**
 * Imports over the API, for apps that upload on the patient's behalf: the file is the request body. The answer is
 * 202 with the import's address; with {@code Prefer: wait=N} (RFC 7240) the call waits up to N seconds (at most
 * 120) and answers 201 with the report, or the problem's status (413, 415, 422) with a message, as a refused upload
 * does at once.
 */
@Path("/api/imports")
@RolesAllowed(Role.PATIENT_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    static final int MAX_WAIT_SECONDS = 120;
    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*(\\d{1,6})");
    private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?");

    /** One import as the API shows it. */
    public record ImportJson(UUID id, String fileName, long sizeBytes, String status, int percent, String formats,
            long added, long duplicates, long repeated, long rejected, long skipped, String problem, String message,
            Map<String, Long> rejectedByReason, Map<String, Long> skippedByType, String createdAt,
            String finishedAt) {
    }

    @Inject
    CurrentPerson current;

    @Inject
    ImportService imports;

    @Inject
    ImportConfig config;

    @Inject
    IngestMessages messages;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(InputStream body, @QueryParam("name") String name,
            @HeaderParam("Content-Disposition") String disposition, @HeaderParam("Content-Length") Long length,
            @HeaderParam("Prefer") String prefer) throws IOException, InterruptedException {
        Person person = current.person();
        if (length != null && length > config.maxUploadBytes()) {
            return problem(new ImportException(ImportException.Problem.TOO_LARGE, "declared length"));
        }
        String fileName = name != null ? name : fileNameOf(disposition);
        ImportJob job;
        try {
            job = imports.receive(person, fileName, body);
        } catch (ImportException e) {
            return problem(e);
        }
        URI location = URI.create("/api/imports/" + job.id);
        int wait = waitSeconds(prefer);
        if (wait == 0) {
            return Response.accepted(json(person, imports.job(person, job.id))).location(location).build();
        }
        ImportJob finished = imports.await(person, job.id, Duration.ofSeconds(wait));
        if (finished.status == Status.FAILED) {
            return Response.status(finished.problem == null ? 500 : finished.problem.status())
                    .entity(json(person, finished)).location(location).build();
        }
        return Response.status(finished.status == Status.DONE ? 201 : 202).entity(json(person, finished))
                .location(location).header("Preference-Applied", "wait=" + wait).build();
    }

    @GET
    public List<ImportJson> list() {
        Person person = current.person();
        return imports.history(person).stream().map(job -> json(person, job)).toList();
    }

    @GET
    @Path("{id}")
    public ImportJson one(@PathParam("id") UUID id) {
        Person person = current.person();
        return json(person, imports.job(person, id));
    }

    /** Deletes the import and the readings it added; 409 while it is being read. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        try {
            imports.delete(current.person(), id);
            return Response.noContent().build();
        } catch (ImportService.Busy busy) {
            return Response.status(409).type("application/problem+json")
                    .entity(Map.of("status", 409, "message", messages.deleteBusy())).build();
        }
    }

    private Response problem(ImportException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", e.problem().status());
        body.put("problem", e.problem().name());
        body.put("message", messages.problem(e.problem().name(), ImportPages.size(config.maxUploadBytes())));
        return Response.status(e.problem().status()).type("application/problem+json").entity(body).build();
    }

    private ImportJson json(Person person, ImportJob job) {
        Map<String, Long> rejected = new LinkedHashMap<>();
        Map<String, Long> skipped = new LinkedHashMap<>();
        for (ImportTally t : imports.tallies(person, job.id)) {
            switch (t.kind) {
                case REJECTED -> rejected.put(t.label, t.count);
                case SKIPPED -> skipped.put(t.label, t.count);
                default -> skipped.put("file:" + t.label, t.count);
            }
        }
        String problem = job.status == Status.FAILED ? (job.problem == null ? "UNEXPECTED" : job.problem.name()) : null;
        return new ImportJson(job.id, job.fileName, job.sizeBytes, job.status.name(), job.percent(), job.formats,
                job.added, job.duplicates, job.repeated, job.rejected, job.skipped, problem,
                problem == null ? null : messages.problem(problem, ImportPages.size(config.maxUploadBytes())),
                rejected, skipped, job.createdAt.toString(),
                job.finishedAt == null ? null : job.finishedAt.toString());
    }

    static int waitSeconds(String prefer) {
        if (prefer == null) {
            return 0;
        }
        Matcher m = WAIT.matcher(prefer);
        return m.find() ? Math.min(MAX_WAIT_SECONDS, Integer.parseInt(m.group(1))) : 0;
    }

    static String fileNameOf(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher m = FILENAME.matcher(disposition);
        return m.find() ? m.group(1) : null;
    }
}
