package app.wellkeep.coach;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.coach.OutreachService.Line;
import app.wellkeep.coach.OutreachService.Policy;
import app.wellkeep.common.Paging;

/** Outreach: the patients who need contact and why, and the windows the coach or their care team sets for it. */
@Path("/care-team/outreach")
@RolesAllowed(Role.COACH_NAME)
@Produces(MediaType.TEXT_HTML)
public class OutreachPages {

    /** One policy form: whose (the coach's own, or a team's), its fields, and who last changed it when. */
    public record PolicyCard(String teamName, OutreachPolicyForm form, String updatedBy, String updatedAt) {

        public String key() {
            return form.team().map(UUID::toString).orElse("own");
        }
    }

    /** A line of the list, its last contact in the coach's zone. */
    public record Row(Line line, String lastContact) {
    }

    /** One page of the list, of {@code total} patients who need contact. */
    public record Page(List<Row> rows, int page, int pages, int total) {
    }

    /** Patients a page: a coach of a thousand would otherwise get them all at once, on a phone too. */
    public static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance outreach(Page list, int dataDays);

        static native TemplateInstance policy(List<PolicyCard> cards, List<String> fields, boolean saved,
                String formError);
    }

    /** The windows, in the order the form asks for them. */
    static final List<String> FIELDS = List.of("checkInGapDays", "minDataDays", "alertHours");

    @Inject
    CurrentPerson current;

    @Inject
    OutreachService outreach;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String csrfField;

    @GET
    public TemplateInstance list(@QueryParam("page") String page) {
        Person coach = current.person();
        OutreachService.Page shown = outreach.page(coach, Paging.asked(page, 1), PAGE_SIZE);
        List<Row> rows = shown.lines().stream()
                .map(l -> new Row(l, l.lastContact() == null ? null : dateTime(l.lastContact(), coach))).toList();
        return Templates.outreach(new Page(rows, shown.paging().page(), shown.paging().pages(), shown.total()),
                OutreachRules.DATA_DAYS);
    }

    @GET
    @Path("policy")
    public TemplateInstance policy(@QueryParam("saved") boolean saved) {
        return Templates.policy(cards(current.person(), null), FIELDS, saved, null);
    }

    @POST
    @Path("policy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response savePolicy(MultivaluedMap<String, String> fields) {
        Person coach = current.person();
        OutreachPolicyForm form = OutreachPolicyForm.parse(fields, csrfField);
        if (form.team().isPresent() && !outreach.isMember(coach, form.team().get())) {
            // A team the coach is not in looks like one that does not exist.
            form.errors().put("form", "unknownTeam");
        }
        if (!form.valid()) {
            return Response.status(422).entity(Templates.policy(cards(coach, form), FIELDS, false, form.error("form")))
                    .build();
        }
        outreach.setPolicy(form.team(), coach, form.windows());
        return Response.seeOther(URI.create("/care-team/outreach/policy?saved=true")).build();
    }

    /** The coach's own policy, then each team's; the submitted form in place of the one it was sent from. */
    private List<PolicyCard> cards(Person coach, OutreachPolicyForm submitted) {
        List<PolicyCard> cards = new ArrayList<>();
        cards.add(card(null, Optional.empty(), coach, submitted));
        for (CareTeam team : QuarkusTransaction.requiringNew().call(() -> CareTeam.ofMember(coach.id))) {
            cards.add(card(team.name, Optional.of(team.id), coach, submitted));
        }
        return cards;
    }

    private PolicyCard card(String teamName, Optional<UUID> team, Person coach, OutreachPolicyForm submitted) {
        Policy policy = outreach.policy(team, coach);
        OutreachPolicyForm form = submitted != null && submitted.team().equals(team)
                ? submitted
                : OutreachPolicyForm.of(team, policy.windows());
        return new PolicyCard(teamName, form, policy.updatedBy(),
                policy.updatedAt() == null ? null : dateTime(policy.updatedAt(), coach));
    }

    static String dateTime(Instant instant, Person viewer) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(CareTeamPages.LOCALE).format(instant.atZone(viewer.zone()));
    }
}
