package app.wellkeep.consent;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.consent.ConsentService.GrantView;

/** The patient's sharing page: connect by code, grant after a summary, change, revoke, receipts. */
@Path("/sharing")
@RolesAllowed(Role.PATIENT_NAME)
@Produces(MediaType.TEXT_HTML)
public class SharingPages {

    static final Locale LOCALE = Locale.ENGLISH;

    /** A grant as the page shows it; dates already formatted for the reader. */
    public record GrantLine(UUID id, Recipient recipient, List<Category> categories, String windowKind,
            String windowFrom, Integer windowDays, String expiresOn, boolean active, boolean expired,
            String since) {

        /** Whether the coach or care team it went to has gone (see {@link ConsentService#endAllTo}). */
        public boolean recipientGone() {
            return recipient.id() == null;
        }
    }

    public record ReceiptLine(UUID id, String recordedAt, String action, String recipient) {
    }

    /** What the review step shows and posts on. */
    public record Summary(Recipient recipient, List<Category> categories, String windowKind, String windowFrom,
            Integer windowDays, String expiresOn, List<String> terms, String termsVersion) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance sharing(List<GrantLine> sharingNow, List<GrantLine> sharingEnded,
                List<ReceiptLine> receipts, String done, String code, boolean codeUnknown);

        static native TemplateInstance connect(Recipient recipient, GrantForm form, List<Category> categories,
                int maxDays, String today);

        static native TemplateInstance review(Summary summary, GrantForm form);

        static native TemplateInstance revoke(GrantLine grant);
    }

    @Inject
    CurrentPerson current;

    @Inject
    ConsentService consent;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String csrfField;

    @GET
    public TemplateInstance sharing(@QueryParam("done") String done) {
        return overview(done, "", false);
    }

    private TemplateInstance overview(String done, String code, boolean codeUnknown) {
        Person patient = current.person();
        // This page lists every grant that has ended, so the dashboard's notice of endings has done its work; marked
        // only when there was such news, so that a visit without any writes nothing.
        if (!consent.endedUnseen(patient).isEmpty()) {
            consent.sharingSeen(patient);
        }
        List<GrantLine> grants = consent.grantsOf(patient).stream().map(g -> line(g, patient.zone())).toList();
        List<ReceiptLine> receipts = consent.receiptsOf(patient).stream()
                .map(r -> new ReceiptLine(r.id, dateTime(r.recordedAt, patient.zone()), r.action.name(),
                        r.recipientName))
                .toList();
        String known = done != null && List.of("granted", "changed", "revoked").contains(done) ? done : null;
        return Templates.sharing(grants.stream().filter(GrantLine::active).toList(),
                grants.stream().filter(g -> !g.active()).toList(), receipts, known, code, codeUnknown);
    }

    /** The share code typed in or carried by an invitation link: who it is, and what to share with them. */
    @GET
    @Path("connect")
    public Response connect(@QueryParam("code") String code) {
        Person patient = current.person();
        return consent.recipient(code)
                .map(r -> Response.ok(form(r, GrantForm.start(ConsentService.normalise(code)), patient)))
                .orElseGet(() -> Response.status(code == null || code.isBlank() ? 200 : 404)
                        .entity(overview(null, code == null ? "" : code, code != null && !code.isBlank())))
                .build();
    }

    @GET
    @Path("grants/{id}/edit")
    public TemplateInstance edit(@PathParam("id") UUID id) {
        Person patient = current.person();
        GrantView grant = consent.activeGrant(patient, id);
        return form(grant.recipient(), GrantForm.of(grant.grant()), patient);
    }

    /** The plain-language summary and the consent text, before anything is stored. */
    @POST
    @Path("review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(MultivaluedMap<String, String> fields) {
        return submitted(fields, (form, recipient) -> {
            ConsentTerms terms = form.terms();
            Summary summary = new Summary(recipient, terms.categoryList(), terms.window().name(),
                    date(terms.from()), terms.days(), date(terms.expiresOn()),
                    ConsentTerms.text(ConsentTerms.CURRENT_VERSION, LOCALE), ConsentTerms.CURRENT_VERSION);
            return Response.ok(Templates.review(summary, form)).build();
        });
    }

    /** Back from the summary to the form, with the choices kept. */
    @POST
    @Path("form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance backToForm(MultivaluedMap<String, String> fields) {
        Person patient = current.person();
        GrantForm form = GrantForm.parse(fields, csrfField, consent.today(patient));
        return form(recipientOf(patient, form), form.withoutErrors(), patient);
    }

    @POST
    @Path("grants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(MultivaluedMap<String, String> fields) {
        return submitted(fields, (form, recipient) -> {
            Person patient = current.person();
            String done;
            if (!form.value("grant").isEmpty()) {
                consent.change(patient, uuid(form.value("grant")), form.terms());
                done = "changed";
            } else {
                consent.grant(patient, form.value("code"), form.terms());
                done = "granted";
            }
            return Response.seeOther(URI.create("/sharing?done=" + done)).build();
        });
    }

    /** Reads a posted sharing form: invalid choices go back to the form (422), valid ones on to {@code next}. */
    private Response submitted(MultivaluedMap<String, String> fields, BiFunction<GrantForm, Recipient, Response> next) {
        Person patient = current.person();
        GrantForm form = GrantForm.parse(fields, csrfField, consent.today(patient));
        Recipient recipient = recipientOf(patient, form);
        if (!form.valid()) {
            return Response.status(422).entity(form(recipient, form, patient)).build();
        }
        return next.apply(form, recipient);
    }

    @GET
    @Path("grants/{id}/revoke")
    public TemplateInstance revokeConfirm(@PathParam("id") UUID id) {
        Person patient = current.person();
        return Templates.revoke(line(consent.activeGrant(patient, id), patient.zone()));
    }

    @POST
    @Path("grants/{id}/revoke")
    public Response revoke(@PathParam("id") UUID id) {
        consent.revoke(current.person(), id);
        return Response.seeOther(URI.create("/sharing?done=revoked")).build();
    }

    private Recipient recipientOf(Person patient, GrantForm form) {
        String grant = form.value("grant");
        if (!grant.isEmpty()) {
            return consent.activeGrant(patient, uuid(grant)).recipient();
        }
        return consent.recipient(form.value("code")).orElseThrow(NotFoundException::new);
    }

    private TemplateInstance form(Recipient recipient, GrantForm form, Person patient) {
        return Templates.connect(recipient, form, Arrays.asList(Category.values()), GrantForm.MAX_DAYS,
                consent.today(patient).toString());
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    GrantLine line(GrantView view, ZoneId zone) {
        ConsentGrant g = view.grant();
        ConsentTerms t = g.terms;
        return new GrantLine(g.id, view.recipient(), t.categoryList(), t.window().name(), date(t.from()), t.days(),
                date(t.expiresOn()), view.active(), view.expired(),
                date(LocalDate.ofInstant(g.createdAt, zone)));
    }

    /** A day as the sharing pages (and the dashboard's notice of ended sharing) write it. */
    public static String date(LocalDate date) {
        return date == null
                ? null
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(LOCALE).format(date);
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(LOCALE)
                .format(instant.atZone(zone));
    }
}
