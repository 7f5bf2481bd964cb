package app.wellkeep.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.common.Paging;
import app.wellkeep.consent.Category;

/** "Who viewed my data": the patient's own view of the access log, with filters by person, category and period. */
@Path("/sharing/access-log")
@RolesAllowed(Role.PATIENT_NAME)
@Produces(MediaType.TEXT_HTML)
public class AccessLogPages {

    static final Locale LOCALE = Locale.ENGLISH;
    static final int PAGE_SIZE = 100;

    public record Line(String when, String who, String role, String category, String purpose, String outcome,
            String reason) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    public record Filters(List<Option> people, List<Option> categories, String from, String to, boolean invalidDates) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance log(List<Line> lines, Filters filters, boolean more, String nextPage,
                long total);
    }

    @Inject
    CurrentPerson current;

    @GET
    @Transactional
    public Response log(@QueryParam("person") String person, @QueryParam("category") String category,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page) {
        Person patient = current.person();
        ZoneId zone = patient.zone();
        StringBuilder query = new StringBuilder("patientId = :patient");
        Parameters params = Parameters.with("patient", patient.id);
        UUID actor = uuid(person);
        if (actor != null) {
            query.append(" and actorId = :actor");
            params.and("actor", actor);
        }
        String categoryName = Arrays.stream(Category.values()).map(Enum::name).filter(n -> n.equals(category))
                .findFirst().orElse(null);
        if (categoryName != null) {
            query.append(" and category = :category");
            params.and("category", categoryName);
        }
        boolean invalid = false;
        LocalDate fromDay = null;
        LocalDate toDay = null;
        try {
            fromDay = blank(from) ? null : LocalDate.parse(from);
            toDay = blank(to) ? null : LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            invalid = true;
        }
        if (fromDay != null) {
            query.append(" and occurredAt >= :from");
            params.and("from", fromDay.atStartOfDay(zone).toInstant());
        }
        if (toDay != null) {
            query.append(" and occurredAt < :to");
            params.and("to", toDay.plusDays(1).atStartOfDay(zone).toInstant());
        }
        var found = AuditEvent.<AuditEvent>find(query.toString(), Sort.descending("occurredAt", "recordedNo"), params);
        long total = found.count();
        int index = Paging.asked(page, 0);
        List<AuditEvent> events = found.page(Page.of(index, PAGE_SIZE)).list();

        List<UUID> actorIds = AuditEvent.getEntityManager()
                .createQuery(
                        "select distinct e.actorId from AuditEvent e where e.patientId = ?1 and e.actorId is not null",
                        UUID.class)
                .setParameter(1, patient.id).getResultList();
        Map<UUID, String> names = new HashMap<>();
        if (!actorIds.isEmpty()) {
            Person.<Person>list("id in ?1", actorIds).forEach(p -> names.put(p.id, p.displayName));
        }
        List<Line> lines = new ArrayList<>();
        for (AuditEvent e : events) {
            lines.add(new Line(when(e.occurredAt, zone), e.actorId == null ? null : names.get(e.actorId),
                    e.actorRole, e.category, e.purpose, e.outcome, e.reason));
        }
        List<Option> people = actorIds.stream().filter(names::containsKey)
                .map(id -> new Option(id.toString(), names.get(id), id.equals(actor)))
                .sorted((a, b) -> a.label().compareToIgnoreCase(b.label())).toList();
        List<Option> categories = Arrays.stream(Category.values())
                .map(c -> new Option(c.name(), c.name(), c.name().equals(categoryName))).toList();
        Filters filters = new Filters(people, categories, blank(from) ? "" : from, blank(to) ? "" : to, invalid);
        boolean more = (long) (index + 1) * PAGE_SIZE < total;
        String next = more ? nextPage(actor, categoryName, from, to, index + 1) : null;
        return Response.status(invalid ? 400 : 200).entity(Templates.log(lines, filters, more, next, total)).build();
    }

    private static String nextPage(UUID actor, String category, String from, String to, int page) {
        StringBuilder link = new StringBuilder("/sharing/access-log?page=" + page);
        if (actor != null) {
            link.append("&person=").append(actor);
        }
        if (category != null) {
            link.append("&category=").append(category);
        }
        if (!blank(from)) {
            link.append("&from=").append(from);
        }
        if (!blank(to)) {
            link.append("&to=").append(to);
        }
        return link.toString();
    }

    private static UUID uuid(String value) {
        try {
            return blank(value) ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String when(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(LOCALE)
                .format(instant.atZone(zone));
    }
}
