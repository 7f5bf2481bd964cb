package app.wellkeep.coach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.wellkeep.account.Person;
import app.wellkeep.account.PersonService;
import app.wellkeep.checkin.CheckInService;
import app.wellkeep.coach.OutreachRules.Finding;
import app.wellkeep.coach.OutreachRules.Reason;
import app.wellkeep.coach.OutreachRules.Windows;
import app.wellkeep.common.Paging;
import app.wellkeep.common.SqlRows;
import app.wellkeep.consent.Access;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentGate;
import app.wellkeep.consent.ConsentGate.Permitted;
import app.wellkeep.consent.ConsentGate.Purpose;
import app.wellkeep.consent.ConsentGate.Recipient;
import app.wellkeep.vitals.MonitoringService;
import app.wellkeep.vitals.TrendService;

/**
 * Who needs contact, by the windows of the care team's policy, and the outreach log. The list is read with a
 * constant number of queries whatever the number of patients: the gate's batch decision, then one query per kind of
 * fact for all permitted patients at once.
 */
@ApplicationScoped
public class OutreachService {

    /** The categories of readings: the data-days rule counts those the patient shares. */
    static final Set<Category> VITALS = EnumSet.of(Category.ACTIVITY, Category.HEART, Category.SLEEP, Category.BODY,
            Category.BLOOD_PRESSURE, Category.GLUCOSE);

    /**
     * A rule for one patient: whether it applies (the category is shared), whether it lists them, its figure, and
     * whether there is nothing to count from (no check-in seen: the figure counts from when sharing began).
     */
    public record Rule(boolean shared, boolean due, long figure, boolean none) {

        static final Rule NOT_SHARED = new Rule(false, false, 0, false);
    }

    /** A patient who needs contact, with each rule, the reasons, the last contact and whether it answered them. */
    public record Line(UUID patientId, String name, Rule checkIns, Rule dataDays, Rule alerts, List<Reason> reasons,
            Instant lastContact, boolean contacted, Duration overdue) {
    }

    /** A policy's windows, and who last changed them when (null for the defaults). */
    public record Policy(Windows windows, String updatedBy, Instant updatedAt) {
    }

    /** Most reasons first, then the longest overdue; patients already contacted below the others. */
    static final Comparator<Line> ORDER = Comparator.comparing(Line::contacted)
            .thenComparing(l -> -l.reasons().size())
            .thenComparing(Line::overdue, Comparator.reverseOrder())
            .thenComparing(Line::name)
            .thenComparing(Line::patientId);

    @Inject
    Clock clock;

    @Inject
    ConsentGate gate;

    @Inject
    CheckInService checkIns;

    @Inject
    TrendService trends;

    @Inject
    MonitoringService monitoring;

    @Inject
    PersonService persons;

    /** A page of the list: its lines, which page it is of how many, and how many patients need contact. */
    public record Page(List<Line> lines, Paging paging, int total) {
    }

    /**
     * One page of the patients who need contact, worked out from every patient who shares with the coach; only the
     * patients on the page are logged, as the roster logs only the lines it shows.
     */
    @Transactional
    public Page page(Person coach, int asked, int size) {
        List<Permitted> permitted = gate.permitted(coach);
        List<Line> lines = needs(coach, permitted);
        Paging paging = Paging.of(lines.size(), asked, size);
        List<Line> shown = paging.of(lines);
        Map<UUID, Permitted> byId = new HashMap<>();
        permitted.forEach(p -> byId.put(p.patient().id(), p));
        gate.logShown(coach, Purpose.OUTREACH, shown.stream().map(l -> byId.get(l.patientId())).toList());
        return new Page(List.copyOf(shown), paging, lines.size());
    }

    /** The patients who share with this coach and need contact, in the order to contact them. */
    private List<Line> needs(Person coach, List<Permitted> permitted) {
        List<Line> lines = evaluate(coach, permitted);
        lines.removeIf(l -> l.reasons().isEmpty());
        lines.sort(ORDER);
        return lines;
    }

    /** Every rule for each permitted patient (listed or not), in a constant number of queries. */
    List<Line> evaluate(Person coach, List<Permitted> permitted) {
        Instant now = clock.instant();
        if (permitted.isEmpty()) {
            return new ArrayList<>();
        }
        Map<Recipient, Windows> policies = policies(coach);
        List<Access> checkInAccess = new ArrayList<>();
        List<Access> vitalsAccess = new ArrayList<>();
        List<Access> alertAccess = new ArrayList<>();
        for (Permitted p : permitted) {
            Optional.ofNullable(p.access().get(Category.CHECK_INS)).ifPresent(checkInAccess::add);
            Optional.ofNullable(p.access().get(Category.ALERTS)).ifPresent(alertAccess::add);
            VITALS.stream().map(c -> p.access().get(c)).filter(a -> a != null).forEach(vitalsAccess::add);
        }
        Map<UUID, LocalDate> lastCheckIns = checkIns.lastSharedCheckIns(checkInAccess);
        Map<UUID, Set<LocalDate>> dataDays = trends.sharedDaysWithData(vitalsAccess, OutreachRules.DATA_DAYS);
        Map<UUID, List<Instant>> alerts = monitoring.sharedOpenAlertTimes(alertAccess);
        Map<UUID, Instant> lastContacts = lastContacts(coach,
                permitted.stream().map(p -> p.patient().id()).toList());

        List<Line> lines = new ArrayList<>();
        for (Permitted p : permitted) {
            UUID id = p.patient().id();
            Windows windows = policies.getOrDefault(recipient(coach, p), Windows.DEFAULTS);
            List<Finding> findings = new ArrayList<>();
            Rule checkInRule = Rule.NOT_SHARED;
            Access checkIn = p.access().get(Category.CHECK_INS);
            if (checkIn != null) {
                ZoneId zone = p.zone();
                LocalDate sharedFrom = LocalDate.ofInstant(p.since().get(Category.CHECK_INS), zone);
                LocalDate countFrom = checkIn.windowStart() != null && checkIn.windowStart().isAfter(sharedFrom)
                        ? checkIn.windowStart()
                        : sharedFrom;
                Optional<Finding> gap = OutreachRules.checkInGap(lastCheckIns.get(id), countFrom, checkIn.today(),
                        zone, windows);
                gap.ifPresent(findings::add);
                LocalDate from = lastCheckIns.getOrDefault(id, countFrom);
                checkInRule = new Rule(true, gap.isPresent(), ChronoUnit.DAYS.between(from, checkIn.today()),
                        !lastCheckIns.containsKey(id));
            }
            Rule dataRule = Rule.NOT_SHARED;
            Optional<Access> anyVitals = VITALS.stream().map(c -> p.access().get(c)).filter(a -> a != null)
                    .findFirst();
            if (anyVitals.isPresent()) {
                Set<LocalDate> days = dataDays.getOrDefault(id, Set.of());
                Optional<Finding> few = OutreachRules.dataDays(days, anyVitals.get().today(), p.zone(), windows);
                few.ifPresent(findings::add);
                dataRule = new Rule(true, few.isPresent(), days.size(), false);
            }
            Rule alertRule = Rule.NOT_SHARED;
            if (p.access().containsKey(Category.ALERTS)) {
                Optional<Finding> overdue = OutreachRules.openAlerts(alerts.getOrDefault(id, List.of()), now, windows);
                overdue.ifPresent(findings::add);
                alertRule = new Rule(true, overdue.isPresent(), overdue.map(Finding::figure).orElse(0L), false);
            }
            Instant lastContact = lastContacts.get(id);
            Instant earliest = findings.stream().map(Finding::arose).min(Instant::compareTo).orElse(now);
            lines.add(new Line(id, p.patient().displayName(), checkInRule, dataRule, alertRule,
                    findings.stream().map(Finding::reason).toList(), lastContact,
                    OutreachRules.contacted(findings, lastContact), Duration.between(earliest, now)));
        }
        return lines;
    }

    /**
     * Whose policy applies to a patient: the recipient of the grant, the coach's own when the patient shares with
     * them directly, else the first of their teams the patient shares with.
     */
    static Recipient recipient(Person coach, Permitted permitted) {
        return permitted.recipients().stream()
                .min(Comparator.comparing((Recipient r) -> !coach.id.equals(r.coachId()))
                        .thenComparing(r -> String.valueOf(r.teamId())))
                .orElseThrow();
    }

    /** The coach's own policy and those of their teams, in one query, by recipient. */
    private static Map<Recipient, Windows> policies(Person coach) {
        Map<Recipient, Windows> policies = new HashMap<>();
        for (OutreachPolicy policy : OutreachPolicy.<OutreachPolicy>list("coachId = ?1 or teamId in "
                + "(select m.teamId from CareTeamMember m where m.personId = ?1)", coach.id)) {
            policies.put(new Recipient(policy.coachId, policy.teamId),
                    new Windows(policy.checkInGapDays, policy.minDataDays, policy.alertHours));
        }
        return policies;
    }

    /** The latest contact with each patient that the coach may see (their own, their teams'), in one query. */
    private static Map<UUID, Instant> lastContacts(Person coach, List<UUID> patientIds) {
        // Plain SQL with the ids as one array: an HQL list of a thousand ids is translated and bound anew each time.
        return SqlRows.list(OutreachContact.getEntityManager(), "select c.patient_id, max(c.contacted_at) "
                + "from outreach_contact c where c.patient_id = any(?) and (c.coach_id = ? or c.team_id in "
                + "(select m.team_id from care_team_member m where m.person_id = ?)) group by c.patient_id",
                rs -> Map.entry(SqlRows.uuid(rs, 1), SqlRows.instant(rs, 2)), patientIds, coach.id, coach.id)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The windows for the coach's own patients, or for a team's; the defaults without a row. */
    @Transactional
    public Policy policy(Optional<UUID> teamId, Person coach) {
        Optional<OutreachPolicy> row = teamId.isPresent()
                ? OutreachPolicy.ofTeam(teamId.get())
                : OutreachPolicy.ofCoach(coach.id);
        return row.map(p -> new Policy(new Windows(p.checkInGapDays, p.minDataDays, p.alertHours),
                p.updatedBy == null
                        ? null
                        : persons.displayName(p.updatedBy).orElse(null),
                p.updatedAt)).orElse(new Policy(Windows.DEFAULTS, null, null));
    }

    /** Sets the windows for the coach's own patients, or for a team the coach belongs to. */
    @Transactional
    public void setPolicy(Optional<UUID> teamId, Person coach, Windows windows) {
        OutreachPolicy policy = (teamId.isPresent()
                ? OutreachPolicy.ofTeam(teamId.get())
                : OutreachPolicy.ofCoach(coach.id)).orElseGet(() -> {
                    OutreachPolicy created = new OutreachPolicy();
                    created.id = UUID.randomUUID();
                    created.coachId = teamId.isPresent() ? null : coach.id;
                    created.teamId = teamId.orElse(null);
                    return created;
                });
        policy.checkInGapDays = windows.checkInGapDays();
        policy.minDataDays = windows.minDataDays();
        policy.alertHours = windows.alertHours();
        policy.updatedBy = coach.id;
        policy.updatedAt = clock.instant();
        policy.persist();
    }

    /** Whether the coach belongs to the team now. */
    @Transactional
    public boolean isMember(Person coach, UUID teamId) {
        return CareTeamMember.count("teamId = ?1 and personId = ?2", teamId, coach.id) > 0;
    }

    /** One patient's outreach log as the coach may see it: the patient's name and the contacts, latest first. */
    public record Log(UUID patientId, String name, Line line, List<OutreachContact> contacts) {
    }

    /**
     * The log of one patient who shares with the coach: only the contacts of the coach and their teams, never
     * another recipient's. Empty (a 404 for the page) when the patient shares nothing with the coach now.
     */
    @Transactional
    public Optional<Log> log(Person coach, UUID patientId) {
        return gate.permitted(coach, patientId, Purpose.CARE_TEAM_VIEW).map(p -> new Log(patientId,
                p.patient().displayName(), evaluate(coach, List.of(p)).get(0),
                OutreachContact.visibleTo(coach.id, patientId)));
    }

    /** What a coach records about one contact. */
    public record Contact(Instant contactedAt, OutreachContact.Channel channel, OutreachContact.Outcome outcome,
            String note) {
    }

    /**
     * Logs a contact for the recipient of the patient's grant, with the reasons the patient is listed for now;
     * false (a 404 for the page) when the patient shares nothing with the coach.
     */
    @Transactional
    public boolean record(Person coach, UUID patientId, Contact contact) {
        Optional<Permitted> permitted = gate.permitted(coach, patientId, Purpose.CARE_TEAM_VIEW);
        if (permitted.isEmpty()) {
            return false;
        }
        Line line = evaluate(coach, List.of(permitted.get())).get(0);
        Recipient recipient = recipient(coach, permitted.get());
        OutreachContact row = new OutreachContact();
        row.id = UUID.randomUUID();
        row.patientId = patientId;
        row.coachId = recipient.coachId();
        row.teamId = recipient.teamId();
        row.authorId = coach.id;
        row.authorName = coach.displayName;
        row.contactedAt = contact.contactedAt();
        row.channel = contact.channel();
        row.outcome = contact.outcome();
        row.reasons = line.reasons().stream().map(Enum::name).collect(Collectors.joining(","));
        row.note = contact.note();
        row.persist();
        return true;
    }
}
