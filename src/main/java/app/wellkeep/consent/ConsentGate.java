package app.wellkeep.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.narayana.jta.QuarkusTransaction;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.audit.AuditEvent.Outcome;
import app.wellkeep.audit.AuditLog;
import app.wellkeep.common.SqlRows;

/**
 * The one place that decides whether someone other than a patient may read that patient's data, and records every
 * decision in the access log. Decisions are made from the database on each call, never cached, so a revocation or
 * an expiry applies to the very next request; expiry needs no job because it is compared with the clock here.
 * <p>
 * The deciding methods require the caller's transaction ({@code MANDATORY}): the audit event and the read it allows
 * commit together or not at all. They never throw for a refusal, so the refusal's event commits too; callers
 * turn an empty answer into a 404 after the transaction, as {@link #read} does.
 */
@ApplicationScoped
public class ConsentGate {

    /** Why a read happens, as the access log records it. */
    public enum Purpose {
        /** A care-team page about one patient. */
        CARE_TEAM_VIEW,
        /** The JSON API. */
        API,
        /** A line of a roster: the patient's name and what they share. */
        ROSTER,
        /** A line of the triage queue: a check-in waiting for review. */
        TRIAGE,
        /** The outreach list: whether a patient needs contact, from what they share. */
        OUTREACH
    }

    /** Why a read was refused, as the access log records it. */
    enum Reason {
        NOT_A_RECIPIENT, NO_GRANT, OTHER_CATEGORY, EXPIRED, REVOKED, OUTSIDE_WINDOW
    }

    /** A patient as a reader may see them: the name and, per category shared now, the first day visible. */
    public record SharedPatient(UUID id, String displayName, Map<Category, Optional<LocalDate>> windows) {

        public Set<Category> categories() {
            return windows.keySet();
        }

        public boolean shares(Category category) {
            return windows.containsKey(category);
        }
    }

    /** Whom an access is about, as a page heads and dates what it shows: the name, and the zone days fall in. */
    public record Subject(UUID id, String displayName, ZoneId zone) {
    }

    /** What a batch read shows: its result, and the patients whose data is in it (each logged once). */
    public record Shown<T>(T value, Collection<UUID> patients) {
    }

    /**
     * Through which grants a reader sees a patient now: directly (their own grant) and through which care teams.
     * What a care team writes about the patient belongs to that recipient.
     */
    public record Recipients(SharedPatient patient, boolean direct, List<UUID> teams) {
    }

    /** Who receives a grant: a coach, or a care team (exactly one is set). */
    public record Recipient(UUID coachId, UUID teamId) {
    }

    /**
     * A patient in a batch decision: what they share with the reader now, the permission for each of those
     * categories, when the earliest grant covering each began, the recipients of the grants reaching the reader, and
     * the grant that shows the most history (which an event about the patient as a whole names).
     */
    public record Permitted(SharedPatient patient, ZoneId zone, Map<Category, Access> access,
            Map<Category, Instant> since, List<Recipient> recipients, UUID widestGrant) {
    }

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /**
     * Decides, and on permission runs {@code read}, in one new transaction with the audit event; answers 404 when
     * refused, the same as for a patient who does not exist.
     */
    public <T> T read(Person reader, UUID patientId, Category category, Purpose purpose, Function<Access, T> read) {
        return QuarkusTransaction.requiringNew()
                .call(() -> check(reader, patientId, category, purpose).map(read))
                .orElseThrow(NotFoundException::new);
    }

    /** The permission to read one category, if the patient allows it now; either way the attempt is logged. */
    @Transactional(TxType.MANDATORY)
    public Optional<Access> check(Person reader, UUID patientId, Category category, Purpose purpose) {
        return decide(reader, patientId, category, null, purpose);
    }

    /**
     * As {@link #check}, for what the patient recorded on one day of theirs (a check-in): refused, and logged as
     * refused, when that day is outside the grant's window.
     */
    @Transactional(TxType.MANDATORY)
    public Optional<Access> checkDay(Person reader, UUID patientId, Category category, LocalDate day,
            Purpose purpose) {
        return decide(reader, patientId, category, day, purpose);
    }

    private Optional<Access> decide(Person reader, UUID patientId, Category category, LocalDate day,
            Purpose purpose) {
        Person patient = patient(patientId);
        if (patient == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, patient.zone());
        if (patient.id.equals(reader.id)) {
            return Optional.of(new Access(patientId, category, null, null, today));
        }
        List<ConsentGrant> grants = reader.role == Role.COACH ? grantsReaching(reader.id, patientId) : List.of();
        Optional<ConsentGrant> permitting = widest(grants.stream()
                .filter(g -> g.activeAt(now) && g.covers(category)).toList(), today);
        if (permitting.isPresent()) {
            ConsentGrant grant = permitting.get();
            Access access = new Access(patientId, category, grant.id, grant.terms.windowStart(today), today);
            if (day != null && !access.covers(day)) {
                log(reader, patientId, category, null, purpose, Outcome.DENY, Reason.OUTSIDE_WINDOW.name());
                return Optional.empty();
            }
            log(reader, patientId, category, grant.id, purpose, Outcome.PERMIT, null);
            return Optional.of(access);
        }
        log(reader, patientId, category, null, purpose, Outcome.DENY, refusal(reader, grants, category, now));
        return Optional.empty();
    }

    /**
     * The patient's name and what they share with the reader now, for the header of a care-team page; empty when
     * they share nothing (callers answer 404: a reader cannot tell such a patient from one who does not exist).
     */
    @Transactional(TxType.MANDATORY)
    public Optional<SharedPatient> identity(Person reader, UUID patientId, Purpose purpose) {
        Person patient = patient(patientId);
        if (patient == null || patient.id.equals(reader.id)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<ConsentGrant> grants = reader.role == Role.COACH ? grantsReaching(reader.id, patientId) : List.of();
        List<ConsentGrant> active = grants.stream().filter(g -> g.activeAt(now)).toList();
        if (active.isEmpty()) {
            log(reader, patientId, null, null, purpose, Outcome.DENY, refusal(reader, grants, null, now));
            return Optional.empty();
        }
        List<Reach> reaching = Reach.of(active, patient);
        Allowed allowed = allowed(reaching, todayAt(now));
        log(reader, patientId, null, allowed.widestGrant(), purpose, Outcome.PERMIT, null);
        return Optional.of(allowed.patient());
    }

    /** Everyone who shares anything with the reader (directly or through a team) now, each line logged. */
    @Transactional(TxType.MANDATORY)
    public List<SharedPatient> roster(Person reader) {
        Roster roster = sharing(reader);
        logShown(reader, roster, roster.patients());
        return roster.patients();
    }

    /**
     * Everyone who shares anything with the reader now, decided in three queries however many they are, and not yet
     * logged: the caller shows some of them and logs those with {@link #logShown}. Each line carries, per category
     * shared, the {@link Access} to read it with.
     */
    @Transactional(TxType.MANDATORY)
    public Roster sharing(Person reader) {
        if (reader.role != Role.COACH) {
            return new Roster(List.of(), Map.of(), Map.of());
        }
        Instant now = clock.instant();
        return decided(reachingNow(reader.id, now, null), now);
    }

    /** A page of {@link #sharing}: {@code total} patients in all, and those of the page. */
    public record RosterPage(Roster roster, int total) {
    }

    /**
     * {@link #sharing} for one page of it in name order, decided and read for that page's patients alone: from
     * {@code offset}, at most {@code size} of them, or the last page when {@code offset} is past the end (as
     * {@link app.wellkeep.common.Paging} counts pages). In the order {@code sharing} returns, or its reverse; the
     * total counts everyone who shares with the reader now. Not logged either: the caller logs the lines it shows.
     */
    @Transactional(TxType.MANDATORY)
    public RosterPage sharingPage(Person reader, boolean descending, int offset, int size) {
        if (reader.role != Role.COACH) {
            return new RosterPage(new Roster(List.of(), Map.of(), Map.of()), 0);
        }
        Instant now = clock.instant();
        int[] total = {0};
        Map<UUID, List<Reach>> byPatient = reachingNow(reader.id, now,
                new Window(descending, offset, size, t -> total[0] = t));
        return new RosterPage(decided(byPatient, now), total[0]);
    }

    /** The batch decision for each patient's active grants, in the order given. */
    private static Roster decided(Map<UUID, List<Reach>> byPatient, Instant now) {
        if (byPatient.isEmpty()) {
            return new Roster(List.of(), Map.of(), Map.of());
        }
        Function<ZoneId, LocalDate> todayIn = todayAt(now);
        List<SharedPatient> lines = new ArrayList<>(byPatient.size());
        Map<UUID, UUID> widest = new HashMap<>(byPatient.size() * 4 / 3 + 1);
        Map<UUID, Map<Category, Access>> access = new HashMap<>(byPatient.size() * 4 / 3 + 1);
        for (List<Reach> active : byPatient.values()) {
            Allowed allowed = allowed(active, todayIn);
            UUID patientId = allowed.patient().id();
            widest.put(patientId, allowed.widestGrant());
            access.put(patientId, allowed.access());
            lines.add(allowed.patient());
        }
        return new Roster(lines, widest, access);
    }

    /** Logs one ROSTER event per patient shown, in the caller's transaction, appended in one batch. */
    @Transactional(TxType.MANDATORY)
    public void logShown(Person reader, Roster roster, List<SharedPatient> shown) {
        audit.recordAll(shown.stream()
                .map(p -> new AuditLog.Entry(reader.id, reader.role.name(), p.id(), null, roster.grantOf(p.id()),
                        Purpose.ROSTER.name(), Outcome.PERMIT, null))
                .toList());
    }

    /**
     * The patients who share with a reader now, in name order, and per patient and category the permission to read
     * it; made only by {@link #sharing} and {@link #sharingPage}, and a permission only for the categories the patient
     * shares.
     */
    public static final class Roster {

        private final List<SharedPatient> patients;
        private final Map<UUID, UUID> widestGrant;
        private final Map<UUID, Map<Category, Access>> access;

        private Roster(List<SharedPatient> patients, Map<UUID, UUID> widestGrant,
                Map<UUID, Map<Category, Access>> access) {
            this.patients = List.copyOf(patients);
            this.widestGrant = widestGrant;
            this.access = access;
        }

        public List<SharedPatient> patients() {
            return patients;
        }

        /** The permission to read one category of a patient on this roster, if they share it. */
        public Optional<Access> access(UUID patientId, Category category) {
            return Optional.ofNullable(access.getOrDefault(patientId, Map.of()).get(category));
        }

        UUID grantOf(UUID patientId) {
            UUID grant = widestGrant.get(patientId);
            if (grant == null) {
                throw new IllegalArgumentException("Not on this roster: " + patientId);
            }
            return grant;
        }
    }

    /** The patient a permission is about: a decision already made and logged, so this logs nothing more. */
    public Subject subject(Access access) {
        Person patient = Person.findById(access.patientId());
        return new Subject(patient.id, patient.displayName, patient.zone());
    }

    /**
     * The permissions to read these categories of every patient who shares them with the reader now (directly or
     * through a team), decided from one read of the grants whatever their number: by category, the permission of
     * each patient who shares it. {@code read} gets them and says which patients' data it shows; for each category
     * in the order given, one event is logged for each of those who share it, none for the others.
     */
    @Transactional(TxType.MANDATORY)
    public <T> T checkMany(Person reader, List<Category> categories, Purpose purpose,
            Function<Map<Category, Map<UUID, Access>>, Shown<T>> read) {
        Map<Category, Map<UUID, Access>> accesses = new EnumMap<>(Category.class);
        categories.forEach(category -> accesses.put(category, new LinkedHashMap<>()));
        if (reader.role == Role.COACH) {
            Instant now = clock.instant();
            Function<ZoneId, LocalDate> todayIn = todayAt(now);
            for (List<Reach> reaching : reachingNow(reader.id, now, null).values()) {
                Map<Category, Access> permits = allowed(reaching, todayIn).access();
                for (Category category : categories) {
                    Access access = permits.get(category);
                    if (access != null) {
                        accesses.get(category).put(access.patientId(), access);
                    }
                }
            }
        }
        Map<Category, Map<UUID, Access>> permits = new EnumMap<>(Category.class);
        accesses.forEach((category, byPatient) -> permits.put(category, Map.copyOf(byPatient)));
        Shown<T> shown = read.apply(permits);
        // The events of the lines shown, written in one batch as the roster's are.
        Set<UUID> patients = new LinkedHashSet<>(shown.patients());
        audit.recordAll(categories.stream().flatMap(category -> patients.stream()
                .map(id -> permits.get(category).get(id)).filter(Objects::nonNull)
                .map(a -> new AuditLog.Entry(reader.id, reader.role.name(), a.patientId(), category.name(),
                        a.grantId(), purpose.name(), Outcome.PERMIT, null)))
                .toList());
        return shown.value();
    }

    /**
     * Like {@link #identity}, and also through which grants the reader sees the patient: for what the care team
     * keeps about the patient (notes), which belongs to the grant's recipient. Logged as {@link #identity} is.
     */
    @Transactional(TxType.MANDATORY)
    public Optional<Recipients> recipients(Person reader, UUID patientId, Purpose purpose) {
        Optional<SharedPatient> shared = identity(reader, patientId, purpose);
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<ConsentGrant> active = grantsReaching(reader.id, patientId).stream().filter(g -> g.activeAt(now))
                .sorted(Comparator.comparing(g -> g.createdAt)).toList();
        boolean direct = active.stream().anyMatch(g -> reader.id.equals(g.coachId));
        List<UUID> teams = active.stream().map(g -> g.teamId).filter(java.util.Objects::nonNull).distinct().toList();
        return Optional.of(new Recipients(shared.get(), direct, teams));
    }

    /**
     * An active grant reaching a reader, with the patient's name and zone: what the batch decisions need of a grant
     * and its patient, read as columns rather than entities (a thousand of each, changed by none).
     */
    private record Reach(UUID id, UUID patientId, ConsentTerms terms, String displayName, ZoneId zone, UUID coachId,
            UUID teamId, Instant createdAt) {

        /** One patient's grants, read as entities by the decisions about that patient alone. */
        static List<Reach> of(List<ConsentGrant> grants, Person patient) {
            return grants.stream().map(g -> new Reach(g.id, g.patientId, g.terms, patient.displayName,
                    patient.zone(), g.coachId, g.teamId, g.createdAt)).toList();
        }
    }

    /**
     * The grants active now that reach a reader (directly or through a team), with their patients: the tail of the
     * statements below, whose parameters are now, the reader and the reader again.
     */
    private static final String REACHING_FROM = "from consent_grant g join person p on p.id = g.patient_id";
    private static final String REACHING_WHERE = "where p.role = 'PATIENT' and g.revoked_at is null "
            + "and (g.expires_at is null or g.expires_at > ?) "
            + "and (g.coach_id = ? or g.team_id in (select m.team_id from care_team_member m where m.person_id = ?))";
    private static final String REACHING = REACHING_FROM + " " + REACHING_WHERE;

    /**
     * The name order of rosters: the database's, the same whether a page of it is cut in SQL or in memory, so that a
     * roster sorted by name and one sorted otherwise (ties by name) agree on every database.
     */
    private static final String NAME_KEY = "lower(p.display_name)";

    /**
     * A page of patients to read the grants of: from {@code offset} (the last page past the end), at most
     * {@code size}; the number of all of them told to {@code total}.
     */
    private record Window(boolean descending, int offset, int size, java.util.function.IntConsumer total) {
    }

    /**
     * The grants reaching the reader now (directly or through a team) of patients, grouped by patient in name
     * order (see {@link #NAME_KEY}, then the id): one query, the same statement whatever their number. With a
     * window, only those of a page of the patients, and the number of all of them given to it.
     */
    private static Map<UUID, List<Reach>> reachingNow(UUID readerId, Instant now, Window window) {
        Map<UUID, List<Reach>> byPatient = new LinkedHashMap<>();
        Map<String, ZoneId> zones = new java.util.HashMap<>();
        Map<String, Set<Category>> categories = new java.util.HashMap<>();
        String columns = "select g.id, g.patient_id, g.categories, g.window_kind, g.window_from, g.window_days, "
                + "g.expires_on, g.terms_version, p.display_name, p.time_zone, g.coach_id, g.team_id, g.created_at";
        String sql;
        Object[] params;
        if (window == null) {
            sql = columns + " " + REACHING + " order by " + NAME_KEY + ", p.id";
            params = new Object[]{now, readerId, readerId};
        } else {
            // Each patient's place in name order and the number of them, then the grants of the page's patients:
            // one statement, a page past the end included (its first place is that of the last page).
            String dir = window.descending() ? " desc" : "";
            String first = "least(?, (w.total - 1) / ? * ?)";
            sql = "with w as (select g.patient_id, row_number() over (order by " + NAME_KEY + dir + ", g.patient_id"
                    + dir + ") as place, count(*) over () as total " + REACHING + " group by g.patient_id, "
                    + NAME_KEY + ") " + columns + ", w.total " + REACHING_FROM
                    + " join w on w.patient_id = g.patient_id " + REACHING_WHERE + " and w.place > " + first
                    + " and w.place <= " + first + " + ? order by " + NAME_KEY + dir + ", p.id" + dir;
            int offset = window.offset();
            int size = window.size();
            params = new Object[]{now, readerId, readerId, now, readerId, readerId, offset, size, size, offset, size,
                    size, size};
        }
        SqlRows.list(ConsentGrant.getEntityManager(), sql, rs -> {
            ConsentTerms terms = new ConsentTerms(
                    categories.computeIfAbsent(rs.getString(3), c -> Set.copyOf(Category.split(c))),
                    ConsentGrant.Window.valueOf(rs.getString(4)), SqlRows.date(rs, 5),
                    rs.getObject(6, Integer.class), SqlRows.date(rs, 7), rs.getString(8));
            if (window != null) {
                window.total().accept(rs.getInt(14));
            }
            return new Reach(SqlRows.uuid(rs, 1), SqlRows.uuid(rs, 2), terms, rs.getString(9),
                    zones.computeIfAbsent(rs.getString(10), ZoneId::of), SqlRows.uuid(rs, 11),
                    SqlRows.uuid(rs, 12), SqlRows.instant(rs, 13));
        }, params).forEach(r -> byPatient.computeIfAbsent(r.patientId(), k -> new ArrayList<>()).add(r));
        return byPatient;
    }

    /**
     * Each zone's day at {@code now}, worked out once per zone: a batch decides a thousand patients who live in a
     * handful of zones.
     */
    private static Function<ZoneId, LocalDate> todayAt(Instant now) {
        Map<ZoneId, LocalDate> days = new HashMap<>();
        return zone -> days.computeIfAbsent(zone, z -> LocalDate.ofInstant(now, z));
    }

    /** Whether a window from {@code start} (null: all history) shows more than one from {@code than}. */
    private static boolean wider(LocalDate start, LocalDate than) {
        return than != null && (start == null || start.isBefore(than));
    }

    /**
     * The batch form of {@link #check}: every patient who shares anything with the reader now (directly or through a
     * team), with a permission per category shared, in a constant number of queries, and not yet logged: as with
     * {@link #sharing}, the caller shows some of them (a page of a list worked out from all of them) and logs those
     * with {@link #logShown(Person, Purpose, List)}.
     */
    @Transactional(TxType.MANDATORY)
    public List<Permitted> permitted(Person reader) {
        if (reader.role != Role.COACH) {
            return List.of();
        }
        Instant now = clock.instant();
        Function<ZoneId, LocalDate> todayIn = todayAt(now);
        return reachingNow(reader.id, now, null).values().stream().map(active -> permit(active, todayIn)).toList();
    }

    /** Logs one event per patient shown, naming the grant that shows the most history, appended in one batch. */
    @Transactional(TxType.MANDATORY)
    public void logShown(Person reader, Purpose purpose, List<Permitted> shown) {
        audit.recordAll(shown.stream().map(p -> new AuditLog.Entry(reader.id, reader.role.name(), p.patient().id(),
                null, p.widestGrant(), purpose.name(), Outcome.PERMIT, null)).toList());
    }

    /**
     * {@link #permitted(Person)} for one patient, as a page about them needs it; empty (and the refusal
     * logged) when they share nothing with the reader now.
     */
    @Transactional(TxType.MANDATORY)
    public Optional<Permitted> permitted(Person reader, UUID patientId, Purpose purpose) {
        Person patient = patient(patientId);
        if (patient == null || patient.id.equals(reader.id)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<ConsentGrant> grants = reader.role == Role.COACH ? grantsReaching(reader.id, patientId) : List.of();
        List<ConsentGrant> active = grants.stream().filter(g -> g.activeAt(now)).toList();
        if (active.isEmpty()) {
            log(reader, patientId, null, null, purpose, Outcome.DENY, refusal(reader, grants, null, now));
            return Optional.empty();
        }
        List<Reach> reaching = Reach.of(active, patient);
        Permitted permitted = permit(reaching, todayAt(now));
        log(reader, patientId, null, permitted.widestGrant(), purpose, Outcome.PERMIT, null);
        return Optional.of(permitted);
    }

    /**
     * What a patient shares with a reader now, the permission for each category shared, and the grant that shows the
     * most history (which an event about the patient as a whole names).
     */
    private record Allowed(SharedPatient patient, Map<Category, Access> access, UUID widestGrant) {
    }

    /**
     * What one patient's active grants to a reader allow, on the patient's today: per category, the grant that
     * shows the most history of it. One pass over the grants, each grant's window worked out once: the batch
     * decisions make this a thousand times a page. Not logged (the callers log).
     */
    private static Allowed allowed(List<Reach> active, Function<ZoneId, LocalDate> todayIn) {
        Reach first = active.get(0);
        LocalDate today = todayIn.apply(first.zone());
        Map<Category, Reach> widest = new EnumMap<>(Category.class);
        Map<Category, LocalDate> starts = new EnumMap<>(Category.class);
        Reach widestOfAll = first;
        LocalDate widestStart = first.terms().windowStart(today);
        for (Reach grant : active) {
            LocalDate start = grant == first ? widestStart : grant.terms().windowStart(today);
            if (wider(start, widestStart)) {
                widestOfAll = grant;
                widestStart = start;
            }
            for (Category category : grant.terms().categories()) {
                if (!widest.containsKey(category) || wider(start, starts.get(category))) {
                    widest.put(category, grant);
                    starts.put(category, start);
                }
            }
        }
        Map<Category, Access> access = new EnumMap<>(Category.class);
        Map<Category, Optional<LocalDate>> windows = new EnumMap<>(Category.class);
        widest.forEach((category, g) -> {
            LocalDate start = starts.get(category);
            access.put(category, new Access(first.patientId(), category, g.id(), start, today));
            windows.put(category, Optional.ofNullable(start));
        });
        return new Allowed(new SharedPatient(first.patientId(), first.displayName(), windows), access,
                widestOfAll.id());
    }

    /** {@link #allowed}, with since when each category has been shared and the grants' recipients. */
    private static Permitted permit(List<Reach> active, Function<ZoneId, LocalDate> todayIn) {
        Allowed allowed = allowed(active, todayIn);
        Map<Category, Instant> since = new EnumMap<>(Category.class);
        for (Reach grant : active) {
            grant.terms().categories()
                    .forEach(c -> since.merge(c, grant.createdAt(), (a, b) -> a.isBefore(b) ? a : b));
        }
        List<Recipient> recipients = active.stream().map(g -> new Recipient(g.coachId(), g.teamId())).distinct()
                .toList();
        return new Permitted(allowed.patient(), active.get(0).zone(), allowed.access(), since, recipients,
                allowed.widestGrant());
    }

    private static Person patient(UUID patientId) {
        Person patient = Person.findById(patientId);
        return patient != null && patient.role == Role.PATIENT ? patient : null;
    }

    /** Grants of the patient to the reader or to a team the reader belongs to now. */
    private static List<ConsentGrant> grantsReaching(UUID readerId, UUID patientId) {
        return ConsentGrant.list("patientId = ?2 and (coachId = ?1 or teamId in "
                + "(select m.teamId from CareTeamMember m where m.personId = ?1))", readerId, patientId);
    }

    /** Of several grants, the one that shows the most history. */
    private static Optional<ConsentGrant> widest(List<ConsentGrant> grants, LocalDate today) {
        return widest(grants, g -> g.terms, today);
    }

    private static <T> Optional<T> widest(List<T> grants, Function<T, ConsentTerms> terms, LocalDate today) {
        return grants.stream().min(Comparator.comparing(g -> terms.apply(g).windowStart(today),
                Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    private static String refusal(Person reader, List<ConsentGrant> grants, Category category, Instant now) {
        if (reader.role != Role.COACH) {
            return Reason.NOT_A_RECIPIENT.name();
        }
        if (grants.isEmpty()) {
            return Reason.NO_GRANT.name();
        }
        if (category != null && grants.stream().anyMatch(g -> g.activeAt(now))) {
            return Reason.OTHER_CATEGORY.name();
        }
        ConsentGrant latest = grants.stream()
                .filter(g -> category == null || g.covers(category))
                .max(Comparator.comparing(g -> g.updatedAt)).orElse(null);
        if (latest == null) {
            return Reason.OTHER_CATEGORY.name();
        }
        return latest.revokedAt != null ? Reason.REVOKED.name() : Reason.EXPIRED.name();
    }

    private void log(Person reader, UUID patientId, Category category, UUID grantId, Purpose purpose,
            Outcome outcome, String reason) {
        audit.record(new AuditLog.Entry(reader.id, reader.role.name(), patientId,
                category == null ? null : category.name(), grantId, purpose.name(), outcome, reason));
    }
}
