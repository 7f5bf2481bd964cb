package app.wellkeep.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.ingest.ImportJob.Status;

/**
 * Bringing readings in from the browser: the upload form (with a progress bar for the transfer where scripts run),
 * each import's progress and report, the rejected entries to download, and deleting an import.
 */
@Path("/imports")
@RolesAllowed(Role.PATIENT_NAME)
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

    static final Locale LOCALE = Locale.ENGLISH;
    /** The formats the page describes, in the order it lists them. */
    static final List<String> FORMATS = List.of("apple-health", "fhir", "open-mhealth", "google-fit", "fitbit",
            "garmin", "csv");

    public record HistoryRow(UUID id, String date, String file, String status, String added, String duplicates,
            String rejected) {
    }

    public record TallyLine(String label, String count) {
    }

    public record ImportView(UUID id, String file, String date, String size, String status, int percent,
            String entries, String problem, String added, String duplicates, String repeated,
            String rejected, String skipped, List<TallyLine> rejections, List<TallyLine> skippedTypes,
            List<TallyLine> skippedFiles, String kept, boolean allKept) {

        public boolean queued() {
            return Status.valueOf(status) == Status.QUEUED || Status.valueOf(status) == Status.RECEIVING;
        }

        public boolean working() {
            return Status.valueOf(status).active();
        }

        public boolean done() {
            return Status.valueOf(status) == Status.DONE;
        }

        public boolean failed() {
            return Status.valueOf(status) == Status.FAILED;
        }
    }

    /** What the import page's script polls. */
    public record ImportStatus(String status, int percent, long entries, String text) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance imports(List<HistoryRow> history, List<String> formats, String maxSize,
                String error, boolean deleted);

        static native TemplateInstance detail(ImportView view);

        static native TemplateInstance delete(ImportView view, boolean busy);
    }

    @Inject
    CurrentPerson current;

    @Inject
    ImportService imports;

    @Inject
    ImportConfig config;

    @Inject
    IngestMessages messages;

    @GET
    public TemplateInstance list(@QueryParam("deleted") String deleted) {
        return page(current.person(), null, "1".equals(deleted));
    }

    /**
     * The form's upload. The browser's request is multipart (with the CSRF token); the file arrives whole on disk
     * first, then goes to the database in chunks and is read in the background. A form without a file (or posted
     * without multipart encoding) is asked for one.
     */
    @POST
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    public Response upload(@RestForm("file") FileUpload file) {
        Person person = current.person();
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return Response.status(422).entity(page(person, messages.noFile(), false)).build();
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            ImportJob job = imports.receive(person, file.fileName(), in);
            return Response.seeOther(URI.create("/imports/" + job.id)).build();
        } catch (ImportException e) {
            return Response.status(e.problem().status())
                    .entity(page(person, messages.problem(e.problem().name(), size(config.maxUploadBytes())), false))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") UUID id) {
        Person person = current.person();
        return Templates.detail(view(person, imports.job(person, id)));
    }

    @GET
    @Path("{id}/status")
    @Produces(MediaType.APPLICATION_JSON)
    public ImportStatus status(@PathParam("id") UUID id) {
        ImportJob job = imports.job(current.person(), id);
        return new ImportStatus(job.status.name(), job.percent(), job.entriesRead,
                messages.processingProgress(job.percent(), count(job.entriesRead)));
    }

    /** The kept rejected entries as CSV: file, where in it, why, and a detail; formulas cannot start a cell. */
    @GET
    @Path("{id}/rejected.csv")
    @Produces("text/csv")
    public Response rejected(@PathParam("id") UUID id) {
        Person person = current.person();
        ImportJob job = imports.job(person, id);
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", List.of(cell(messages.column("file")), cell(messages.column("position")),
                cell(messages.column("reason")), cell(messages.column("detail"))))).append("\r\n");
        for (ImportRejection r : imports.rejections(person, id)) {
            csv.append(cell(r.fileName)).append(',').append(cell(messages.position(r.positions.name(), r.position)))
                    .append(',').append(cell(messages.rejection(r.reason.name()))).append(',')
                    .append(cell(r.detail)).append("\r\n");
        }
        String name = "not-imported-" + job.fileName.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
        return Response.ok(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** A CSV cell, quoted, that a spreadsheet will not take for a formula. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    @GET
    @Path("{id}/delete")
    public TemplateInstance confirmDelete(@PathParam("id") UUID id) {
        Person person = current.person();
        ImportJob job = imports.job(person, id);
        return Templates.delete(view(person, job), false);
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") UUID id) {
        Person person = current.person();
        try {
            imports.delete(person, id);
        } catch (ImportService.Busy busy) {
            return Response.status(409).entity(Templates.delete(view(person, imports.job(person, id)), true))
                    .build();
        }
        return Response.seeOther(URI.create("/imports?deleted=1")).build();
    }

    @GET
    @Path("template.csv")
    @Produces("text/csv")
    public Response template() {
        InputStream template = ImportPages.class.getResourceAsStream("/ingest/template.csv");
        return Response.ok(template, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"wellkeep-readings-template.csv\"").build();
    }

    private TemplateInstance page(Person person, String error, boolean deleted) {
        List<HistoryRow> rows = imports.history(person).stream()
                .map(job -> new HistoryRow(job.id, when(job.createdAt, person.zone()), job.fileName,
                        job.status.name(), count(job.added), count(job.duplicates), count(job.rejected)))
                .toList();
        return Templates.imports(rows, FORMATS, size(config.maxUploadBytes()), error, deleted);
    }

    private ImportView view(Person person, ImportJob job) {
        List<ImportTally> tallies = imports.tallies(person, job.id);
        List<TallyLine> rejections = tallies.stream().filter(t -> t.kind == ImportTally.Kind.REJECTED)
                .map(t -> new TallyLine(messages.rejection(t.label), count(t.count))).toList();
        List<TallyLine> types = tallies.stream().filter(t -> t.kind == ImportTally.Kind.SKIPPED)
                .map(t -> new TallyLine(readable(t.label), count(t.count))).toList();
        List<TallyLine> files = tallies.stream().filter(t -> t.kind == ImportTally.Kind.FILE_SKIPPED)
                .map(t -> new TallyLine(t.label, count(t.count))).toList();
        long kept = Math.min(job.rejected, config.keptRejections());
        return new ImportView(job.id, job.fileName, when(job.createdAt, person.zone()), size(job.sizeBytes),
                job.status.name(), job.percent(), count(job.entriesRead),
                job.status == Status.FAILED
                        ? messages.problem(job.problem == null ? "" : job.problem.name(),
                                size(config.maxUploadBytes()))
                        : null,
                count(job.added), count(job.duplicates), count(job.repeated), count(job.rejected),
                count(job.skipped), rejections, types, files, count(kept), kept == job.rejected);
    }

    /**
     * A record type as people read it: Apple's "HKQuantityTypeIdentifierBasalEnergyBurned" as "Basal energy burned";
     * other formats' names as they are.
     */
    static String readable(String type) {
        String name = type.replaceFirst("^HK(Quantity|Category|Correlation)TypeIdentifier", "");
        if (name.equals(type) || name.isEmpty()) {
            return type;
        }
        String spaced = name.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
        return spaced.charAt(0) + spaced.substring(1).toLowerCase(LOCALE);
    }

    static String count(long n) {
        return NumberFormat.getIntegerInstance(LOCALE).format(n);
    }

    /** A size as people read it: 27.4 MB. */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(LOCALE, value >= 100 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }

    private static String when(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(LOCALE)
                .withZone(zone).format(instant);
    }
}
