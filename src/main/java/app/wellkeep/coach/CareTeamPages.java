package app.wellkeep.coach;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.checkin.CheckInService;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentGate;
import app.wellkeep.consent.ConsentMessages;
import app.wellkeep.consent.ConsentService;

/**
 * The care-team workspace: who shares with me, my share codes, and one patient as far as they share. Every read of
 * patient data here goes through {@link ConsentGate}.
 */
@Path("/care-team")
public class CareTeamPages {

    static final Locale LOCALE = Locale.ENGLISH;

    /** A share code with the invitation link that fills it in. */
    public record Invitation(String name, boolean team, String code, String link) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance home(String name, RosterService.Page roster, TagError tagError, String done,
                List<Category> categories, Map<String, String> categoryNames, List<Invitation> invitations);

    }

    @Inject
    CurrentPerson current;

    @Inject
    ConsentGate gate;

    @Inject
    ConsentService consent;

    @Inject
    CheckInService checkIns;

    @Inject
    RosterService roster;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String csrfField;

    @ConfigProperty(name = "wellkeep.public-url")
    String publicUrl;

    /** A tag form refused, shown on its roster line: the field's error (a message key) and the text typed. */
    public record TagError(UUID patientId, String error, String tag) {

        static final TagError NONE = new TagError(null, null, null);

        public boolean shown() {
            return patientId != null;
        }

        public boolean on(UUID id) {
            return id.equals(patientId);
        }
    }

    @GET
    @RolesAllowed(Role.COACH_NAME)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home(@Context UriInfo uri) {
        String done = uri.getQueryParameters().getFirst("done");
        return home(RosterService.Query.parse(uri.getQueryParameters()), TagError.NONE,
                "added".equals(done) || "removed".equals(done) ? done : "");
    }

    /**
     * Adds or removes one of the coach's own tags on a roster line, then back to the same roster page. Only for a
     * patient who shares with this coach: anyone else is the same 404 as an unknown patient.
     */
    @POST
    @Path("tags/{patientId}")
    @RolesAllowed(Role.COACH_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response tag(@PathParam("patientId") UUID patientId, @Context UriInfo uri,
            MultivaluedMap<String, String> fields) {
        Person coach = current.person();
        RosterService.Query query = RosterService.Query.parse(uri.getQueryParameters());
        TagForm form = TagForm.parse(fields, csrfField);
        // A refused form is still decided by the gate first, so a stranger's id answers 404 whatever was sent.
        RosterService.TagOutcome outcome = form.valid()
                ? roster.tag(coach, patientId, form.add(), form.tag())
                : roster.sharesWith(coach, patientId) ? null : RosterService.TagOutcome.UNKNOWN;
        if (outcome == RosterService.TagOutcome.UNKNOWN) {
            throw new NotFoundException();
        }
        if (outcome == null || !outcome.done()) {
            String error = !form.valid()
                    ? form.errors().getOrDefault("tag", form.error("form"))
                    : outcome == RosterService.TagOutcome.DUPLICATE ? "tagDuplicate" : "tagTooMany";
            return Response.status(422).entity(home(query, new TagError(patientId, error, form.value("tag")), ""))
                    .build();
        }
        String self = query.self();
        return Response.seeOther(URI.create("/care-team?" + (self.isEmpty() ? "" : self + "&") + "done="
                + (outcome == RosterService.TagOutcome.ADDED ? "added" : "removed") + "#patient-" + patientId))
                .build();
    }

    private TemplateInstance home(RosterService.Query query, TagError tagError, String done) {
        Person coach = current.person();
        RosterService.Page page = roster.page(coach, query);
        // The share codes in one transaction, however many teams: each code read apart was a transaction of its own.
        List<Invitation> invitations = QuarkusTransaction.requiringNew().call(() -> {
            List<Invitation> codes = new ArrayList<>();
            codes.add(invitation(coach.displayName, false, consent.codeOfCoach(coach)));
            for (CareTeam team : CareTeam.ofMember(coach.id)) {
                codes.add(invitation(team.name, true, consent.codeOfTeam(team.id)));
            }
            return codes;
        });
        // Each category's name once a page, not once a line: each is a message template of its own.
        ConsentMessages names = MessageBundles.get(ConsentMessages.class);
        Map<String, String> categoryNames = new java.util.HashMap<>();
        for (Category category : Category.values()) {
            categoryNames.put(category.name(), names.category(category.name()));
        }
        return Templates.home(coach.displayName, page, tagError, done, List.of(Category.values()), categoryNames,
                invitations);
    }

    private Invitation invitation(String name, boolean team, String code) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return new Invitation(name, team, code, base + "/sharing/connect?code=" + code);
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(LOCALE);

    static String date(LocalDate date) {
        return DATE.format(date);
    }
}
