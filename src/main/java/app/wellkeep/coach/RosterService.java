package app.wellkeep.coach;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.core.MultivaluedMap;

import app.wellkeep.account.Person;
import app.wellkeep.checkin.CheckInService;
import app.wellkeep.checkin.CheckInService.SharedCompliance;
import app.wellkeep.common.Paging;
import app.wellkeep.common.SqlRows;
import app.wellkeep.consent.Access;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentGate;
import app.wellkeep.consent.ConsentGate.Roster;
import app.wellkeep.consent.ConsentGate.SharedPatient;
import app.wellkeep.vitals.MonitoringService;
import app.wellkeep.vitals.TrendService;

/**
 * The roster: everyone who shares with a coach or their care teams, with what a coach watches. The lines are read
 * with a fixed number of set-based queries (however many patients there are), then filtered, sorted and paged in
 * memory: every line with only the figures its sort and filters use, the lines shown with all of them. The page a
 * coach lands on (everyone by name) is cut in SQL instead, in the same order. Only the lines shown are logged,
 * through the gate. Every figure comes from a category the patient
 * shares with this coach, inside the grant's window.
 */
@ApplicationScoped
public class RosterService {

    public static final int PAGE_SIZE = 25;
    public static final int MAX_TAGS = 10;
    static final Set<Category> VITALS = EnumSet.complementOf(EnumSet.of(Category.CHECK_INS, Category.ALERTS));

    /** The columns a roster sorts by, with their names in the query string. */
    public enum Sort {

        NAME("name"), SHARES("shares"), LAST_CHECK_IN("checkin"), DATA_AGE("data"), ADHERENCE_7(
                "adherence7"), ADHERENCE_30("adherence30"), ALERTS("alerts"), REVIEWED("reviewed"), TAGS("tags");

        public final String param;

        Sort(String param) {
            this.param = param;
        }

        /** The figure this column sorts by, if it is one (not what the grants say, nor the tags). */
        Optional<Figures> figures() {
            return Optional.ofNullable(switch (this) {
                case LAST_CHECK_IN, ADHERENCE_7, ADHERENCE_30 -> Figures.CHECK_INS;
                case DATA_AGE -> Figures.DATA;
                case ALERTS -> Figures.ALERTS;
                case REVIEWED -> Figures.REVIEWS;
                case NAME, SHARES, TAGS -> null;
            });
        }

        static Sort of(String param) {
            for (Sort sort : values()) {
                if (sort.param.equals(param)) {
                    return sort;
                }
            }
            return NAME;
        }
    }

    /**
     * The figures of a line, by the query each is read with: a sort or a filter over every line reads only the ones
     * it uses, and the lines shown read them all.
     */
    enum Figures {
        /** The last check-in and adherence over 7 and 30 days. */
        CHECK_INS,
        /** Days since the last data of a vital shared. */
        DATA,
        /** Open alerts. */
        ALERTS,
        /** When a check-in was last reviewed. */
        REVIEWS
    }

    /**
     * What the query string asks: filters, the sort and the page. Read leniently (a link may be old or edited): an
     * unknown value is ignored rather than refused.
     */
    public record Query(String q, String tag, Category shares, boolean openAlerts, Integer below, Sort sort,
            boolean desc, int page) {

        public static Query parse(MultivaluedMap<String, String> params) {
            String q = trimmed(params.getFirst("q"));
            String tag = trimmed(params.getFirst("tag"));
            Category shares = null;
            try {
                shares = params.getFirst("shares") == null ? null : Category.valueOf(params.getFirst("shares"));
            } catch (IllegalArgumentException e) {
                // An unknown category filters nothing.
            }
            Integer below = number(params.getFirst("below"));
            below = below == null || below < 1 || below > 100 ? null : below;
            return new Query(q, tag, shares, "open".equals(params.getFirst("alerts")), below,
                    Sort.of(params.getFirst("sort")), "desc".equals(params.getFirst("dir")),
                    Math.max(1, Paging.asked(params.getFirst("page"), 1)));
        }

        /** The figures every line needs for this sort and these filters; none sorting by name, say. */
        Set<Figures> figures() {
            Set<Figures> figures = EnumSet.noneOf(Figures.class);
            sort.figures().ifPresent(figures::add);
            if (openAlerts) {
                figures.add(Figures.ALERTS);
            }
            if (below != null) {
                figures.add(Figures.CHECK_INS);
            }
            return figures;
        }

        public boolean filtered() {
            return q != null || tag != null || shares != null || openAlerts || below != null;
        }

        /** This query as a query string, without the page (a new filter or sort starts at page 1). */
        String filters() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("q", q);
            params.put("tag", tag);
            params.put("shares", shares == null ? null : shares.name());
            params.put("alerts", openAlerts ? "open" : null);
            params.put("below", below == null ? null : below.toString());
            return encode(params);
        }

        /** The query string of this query on another page. */
        public String pageLink(int number) {
            return join(filters(), sortParams(sort, desc), number > 1 ? "page=" + number : "");
        }

        /** The query string sorting by a column: the other direction if it is the column sorted now. */
        public String sortLink(String param) {
            Sort by = Sort.of(param);
            return join(filters(), sortParams(by, by == sort && !desc));
        }

        /** This query as a query string, to come back to it after a form. */
        public String self() {
            return pageLink(page);
        }

        public boolean sortedBy(String param) {
            return sort.param.equals(param);
        }

        /** The aria-sort value of a column header. */
        public String ariaSort(String param) {
            return !sortedBy(param) ? "none" : desc ? "descending" : "ascending";
        }

        public String sortParam() {
            return sort.param;
        }

        public String dir() {
            return desc ? "desc" : "asc";
        }

        public String sharesName() {
            return shares == null ? "" : shares.name();
        }

        public String belowText() {
            return below == null ? "" : below.toString();
        }

        private static String sortParams(Sort sort, boolean desc) {
            return sort == Sort.NAME && !desc ? "" : "sort=" + sort.param + (desc ? "&dir=desc" : "");
        }

        private static String join(String... parts) {
            return java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).collect(Collectors.joining("&"));
        }

        private static String encode(Map<String, String> params) {
            return params.entrySet().stream().filter(e -> e.getValue() != null)
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }

        private static String trimmed(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }

        private static Integer number(String value) {
            if (value == null || !value.strip().matches("\\d{1,6}")) {
                return null;
            }
            return Integer.valueOf(value.strip());
        }
    }

    /**
     * One figure of a line: not shared (the category is not shared with this coach), shared with nothing to show in
     * the window, or a value ({@code value} orders it, {@code text} shows it when it is a date).
     */
    public record Figure(boolean shared, boolean present, long value, String text) {

        static final Figure NOT_SHARED = new Figure(false, false, 0, null);
        static final Figure NONE = new Figure(true, false, 0, null);

        static Figure of(long value) {
            return new Figure(true, true, value, null);
        }

        static Figure of(long value, String text) {
            return new Figure(true, true, value, text);
        }

        /** The value as a number of days (or any count a page shows). */
        public int days() {
            return (int) value;
        }

        /** 0 for a value, 1 for nothing in the window, 2 for not shared: the order in either direction. */
        int rank() {
            return present ? 0 : shared ? 1 : 2;
        }
    }

    /** Check-in adherence over a period: days with a check-in of the days the window shows. */
    public record Adherence(boolean shared, boolean present, int percent, int done, int days) {

        static final Adherence NOT_SHARED = new Adherence(false, false, 0, 0, 0);

        Figure figure() {
            return !shared ? Figure.NOT_SHARED : !present ? Figure.NONE : Figure.of(percent);
        }
    }

    public record Row(UUID id, String name, List<Category> categories, Figure lastCheckIn, Figure daysSinceData,
            Adherence adherence7, Adherence adherence30, Figure openAlerts, Figure lastReviewed, List<String> tags) {

        public boolean hasTags() {
            return !tags.isEmpty();
        }

        public boolean canTagMore() {
            return tags.size() < MAX_TAGS;
        }
    }

    /** A numbered page link; current marks the page shown. */
    public record PageLink(int number, boolean current, String href) {
    }

    /**
     * A page of the roster: its lines, the number of lines matching the filters ({@code total}) and of all lines
     * ({@code everyone}), the range shown (1-based, both included) and the links to other pages.
     */
    public record Page(List<Row> rows, int total, int everyone, int from, int to, int number, int pages,
            List<PageLink> links, Query query, List<String> tags) {

        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages;
        }

        public String previous() {
            return query.pageLink(number - 1);
        }

        public String next() {
            return query.pageLink(number + 1);
        }
    }

    @Inject
    Clock clock;

    @Inject
    ConsentGate gate;

    @Inject
    CheckInService checkIns;

    @Inject
    MonitoringService monitoring;

    @Inject
    TrendService trends;

    /** One page of the roster, the lines shown logged in the same transaction. */
    @Transactional(TxType.REQUIRES_NEW)
    public Page page(Person coach, Query query) {
        Map<UUID, List<String>> tagsOf = new HashMap<>();
        PatientTag.ofCoach(coach.id)
                .forEach(t -> tagsOf.computeIfAbsent(t.patientId, k -> new ArrayList<>()).add(t.tag));
        List<String> tags = tagsOf.values().stream().flatMap(List::stream)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
        if (!query.filtered() && query.sort() == Sort.NAME) {
            return byName(coach, query, tagsOf, tags);
        }
        Roster roster = gate.sharing(coach);
        List<Row> everyone = bare(roster, tagsOf);
        // The filters on what the grants say and on tags first; then, of the lines left, only the figures the sort
        // and the other filters use (none sorting by name); then all the figures of the
        // lines shown, once the page is known.
        Map<UUID, SharedPatient> byId = roster.patients().stream()
                .collect(Collectors.toMap(SharedPatient::id, Function.identity()));
        List<Row> candidates = everyone.stream().filter(bareFilter(query)).toList();
        Set<Figures> figures = query.figures();
        if (!figures.isEmpty()) {
            candidates = rows(roster, tagsOf, patients(candidates, byId), figures);
        }
        List<Row> matching = sorted(candidates.stream().filter(figureFilter(query)).toList(), query, roster);
        Paging paging = Paging.of(matching.size(), query.page(), PAGE_SIZE);
        return shown(coach, query, roster, tagsOf, patients(paging.of(matching), byId), paging, matching.size(),
                everyone.size(), tags);
    }

    /**
     * The page a coach lands on, everyone by name, cut in SQL: only the lines shown are read and decided, and the
     * gate counts the rest. In the order of the roster read whole (see {@link #sorted}), so it is the same page.
     */
    private Page byName(Person coach, Query query, Map<UUID, List<String>> tagsOf, List<String> tags) {
        int asked = Math.max(1, query.page());
        // Past the last page (an old link), the gate reads the last page, as Paging numbers it.
        ConsentGate.RosterPage slice = gate.sharingPage(coach, query.desc(), (asked - 1) * PAGE_SIZE, PAGE_SIZE);
        Paging paging = Paging.of(slice.total(), asked, PAGE_SIZE);
        return shown(coach, query, slice.roster(), tagsOf, slice.roster().patients(), paging, slice.total(),
                slice.total(), tags);
    }

    /** The lines of a page with all their figures, logged; dates are written out for these lines only. */
    private Page shown(Person coach, Query query, Roster roster, Map<UUID, List<String>> tagsOf,
            List<SharedPatient> patients, Paging paging, int total, int everyone, List<String> tags) {
        List<Row> page = rows(roster, tagsOf, patients, EnumSet.allOf(Figures.class));
        ZoneId zone = coach.zone();
        List<Row> shown = page.stream().map(r -> dated(r, zone)).toList();
        gate.logShown(coach, roster, patients);
        Query current = new Query(query.q(), query.tag(), query.shares(), query.openAlerts(), query.below(),
                query.sort(), query.desc(), paging.page());
        return new Page(shown, total, everyone, shown.isEmpty() ? 0 : paging.from() + 1, paging.to(), paging.page(),
                paging.pages(), links(current, paging.page(), paging.pages()), current, tags);
    }

    /** What became of a tag form: done, or the error to show beside it; UNKNOWN when the patient shares nothing. */
    public enum TagOutcome {

        ADDED, REMOVED, UNKNOWN, DUPLICATE, TOO_MANY;

        public boolean done() {
            return this == ADDED || this == REMOVED;
        }
    }

    /** Whether the patient shares anything with this coach now; decided, and logged, by the gate. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean sharesWith(Person coach, UUID patientId) {
        return gate.identity(coach, patientId, ConsentGate.Purpose.ROSTER).isPresent();
    }

    /**
     * Adds or removes one of this coach's tags of a patient who shares with them (decided, and logged, by the gate);
     * at most {@link #MAX_TAGS} a patient. Removing a tag that is not there is done already.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public TagOutcome tag(Person coach, UUID patientId, boolean add, String tag) {
        if (gate.identity(coach, patientId, ConsentGate.Purpose.ROSTER).isEmpty()) {
            return TagOutcome.UNKNOWN;
        }
        List<PatientTag> existing = PatientTag.of(coach.id, patientId);
        Optional<PatientTag> same = existing.stream().filter(t -> t.tag.equals(tag)).findFirst();
        if (!add) {
            same.ifPresent(PatientTag::delete);
            return TagOutcome.REMOVED;
        }
        if (same.isPresent()) {
            return TagOutcome.DUPLICATE;
        }
        if (existing.size() >= MAX_TAGS) {
            return TagOutcome.TOO_MANY;
        }
        PatientTag created = new PatientTag();
        created.coachId = coach.id;
        created.patientId = patientId;
        created.tag = tag;
        created.createdAt = clock.instant();
        created.persist();
        return TagOutcome.ADDED;
    }

    /**
     * The lines with what the grants say (name, categories) and the coach's tags only, enough to filter by those and
     * sort by name, categories or tags; their figures are placeholders, never shown.
     */
    static List<Row> bare(Roster roster, Map<UUID, List<String>> tags) {
        return roster.patients().stream().map(p -> new Row(p.id(), p.displayName(), List.copyOf(p.categories()),
                Figure.NONE, Figure.NONE, Adherence.NOT_SHARED, Adherence.NOT_SHARED, Figure.NONE, Figure.NONE,
                tags.getOrDefault(p.id(), List.of()))).toList();
    }

    /**
     * The lines of {@code patients} (on the roster, in the order given) with the figures asked for (the others are
     * placeholders, never shown), in a fixed number of queries: each reads many patients at once, with their
     * permissions.
     */
    List<Row> rows(Roster roster, Map<UUID, List<String>> tags, List<SharedPatient> patients, Set<Figures> figures) {
        Function<Category, List<Access>> accessTo = c -> patients.stream().map(p -> roster.access(p.id(), c))
                .flatMap(Optional::stream).toList();
        Map<UUID, SharedCompliance> compliance = figures.contains(Figures.CHECK_INS)
                ? checkIns.sharedCompliance(accessTo.apply(Category.CHECK_INS))
                : Map.of();
        Map<UUID, Long> alerts = figures.contains(Figures.ALERTS)
                ? monitoring.sharedOpenAlerts(accessTo.apply(Category.ALERTS))
                : Map.of();
        Map<UUID, LocalDate> latestData = Map.of();
        if (figures.contains(Figures.DATA)) {
            List<Access> vitals = new ArrayList<>();
            VITALS.forEach(c -> vitals.addAll(accessTo.apply(c)));
            latestData = trends.sharedLatestDays(vitals);
        }
        Map<UUID, Instant> reviewed = figures.contains(Figures.REVIEWS)
                ? lastReviewed(accessTo.apply(Category.CHECK_INS))
                : Map.of();
        List<Row> rows = new ArrayList<>(patients.size());
        for (SharedPatient patient : patients) {
            UUID id = patient.id();
            Figure lastCheckIn = Figure.NOT_SHARED;
            Adherence week = Adherence.NOT_SHARED;
            Adherence month = Adherence.NOT_SHARED;
            Figure lastReview = Figure.NOT_SHARED;
            if (patient.shares(Category.CHECK_INS)) {
                SharedCompliance c = compliance.get(id);
                if (c != null) {
                    lastCheckIn = c.last().map(d -> Figure.of(d.toEpochDay())).orElse(Figure.NONE);
                    week = new Adherence(true, c.adherence7().isPresent(), c.adherence7().orElse(0), c.done7(),
                            c.days7());
                    month = new Adherence(true, c.adherence30().isPresent(), c.adherence30().orElse(0), c.done30(),
                            c.days30());
                }
                lastReview = Optional.ofNullable(reviewed.get(id))
                        .map(at -> Figure.of(at.getEpochSecond()))
                        .orElse(Figure.NONE);
            }
            Figure dataAge = Figure.NOT_SHARED;
            if (VITALS.stream().anyMatch(patient::shares)) {
                LocalDate today = VITALS.stream().map(c -> roster.access(id, c)).flatMap(Optional::stream)
                        .findFirst().get().today();
                dataAge = Optional.ofNullable(latestData.get(id))
                        .map(d -> Figure.of(Math.max(0, ChronoUnit.DAYS.between(d, today)))).orElse(Figure.NONE);
            }
            Figure openAlerts = patient.shares(Category.ALERTS)
                    ? Figure.of(alerts.getOrDefault(id, 0L))
                    : Figure.NOT_SHARED;
            rows.add(new Row(id, patient.displayName(), List.copyOf(patient.categories()), lastCheckIn, dataAge,
                    week, month, openAlerts, lastReview, tags.getOrDefault(id, List.of())));
        }
        return rows;
    }

    private static List<SharedPatient> patients(List<Row> rows, Map<UUID, SharedPatient> byId) {
        return rows.stream().map(r -> byId.get(r.id())).toList();
    }

    /** A line with its dates written out: the last check-in's day, and the last review's day in the coach's zone. */
    static Row dated(Row r, ZoneId zone) {
        Figure checkIn = r.lastCheckIn().present()
                ? Figure.of(r.lastCheckIn().value(), CareTeamPages.date(LocalDate.ofEpochDay(r.lastCheckIn().value())))
                : r.lastCheckIn();
        Figure reviewed = r.lastReviewed().present()
                ? Figure.of(r.lastReviewed().value(), CareTeamPages.date(
                        LocalDate.ofInstant(Instant.ofEpochSecond(r.lastReviewed().value()), zone)))
                : r.lastReviewed();
        return new Row(r.id(), r.name(), r.categories(), checkIn, r.daysSinceData(), r.adherence7(),
                r.adherence30(), r.openAlerts(), reviewed, r.tags());
    }

    /**
     * When a check-in inside the window was last reviewed, by anyone. From each patient's {@link ReviewSummary}: the
     * latest review is the answer when the check-in it reviewed is inside the window. Otherwise (a window that
     * starts after that check-in) an earlier review of a later check-in may be: those few patients are read from their
     * check-ins inside the window and the reviews of those, in one query.
     */
    Map<UUID, Instant> lastReviewed(List<Access> accesses) {
        Map<UUID, Instant> latest = new HashMap<>();
        if (accesses.isEmpty()) {
            return latest;
        }
        Map<UUID, Access> byId = accesses.stream().collect(Collectors.toMap(Access::patientId, a -> a));
        List<Access> clipped = new ArrayList<>();
        SqlRows.list(ReviewSummary.getEntityManager(), "select patient_id, reviewed_at, checkin_date "
                + "from review_summary where patient_id = any(?)",
                rs -> new Object[]{SqlRows.uuid(rs, 1), SqlRows.instant(rs, 2), SqlRows.date(rs, 3)}, byId.keySet())
                .forEach(row -> {
                    Access access = byId.get((UUID) row[0]);
                    if (access.covers((LocalDate) row[2])) {
                        latest.put(access.patientId(), (Instant) row[1]);
                    } else {
                        clipped.add(access);
                    }
                });
        if (!clipped.isEmpty()) {
            // Each patient's own window, so a window opened a year ago on one line does not make every other clipped
            // line read a year of reviews: per line, the check-ins inside its window and their reviews.
            SqlRows.list(ReviewSummary.getEntityManager(), "select w.patient_id, (select max(r.reviewed_at) "
                    + "from checkin c join checkin_review r on r.checkin_id = c.id "
                    + "where c.person_id = w.patient_id and c.local_date >= w.window_start) "
                    + "from unnest(cast(? as uuid array), cast(? as date array)) as w(patient_id, window_start)",
                    rs -> new Object[]{SqlRows.uuid(rs, 1), SqlRows.instant(rs, 2)},
                    new SqlRows.Values("uuid", clipped.stream().map(Access::patientId).toList()),
                    new SqlRows.Values("date", clipped.stream().map(Access::windowStart).toList()))
                    .stream().filter(row -> row[1] != null)
                    .forEach(row -> latest.put((UUID) row[0], (Instant) row[1]));
        }
        return latest;
    }

    /** The filters on what the grants say (name, categories) and on the coach's tags. */
    static java.util.function.Predicate<Row> bareFilter(Query query) {
        String q = query.q() == null ? null : query.q().toLowerCase(Locale.ROOT);
        return row -> (q == null || row.name().toLowerCase(Locale.ROOT).contains(q))
                && (query.tag() == null || row.tags().contains(query.tag()))
                && (query.shares() == null || row.categories().contains(query.shares()));
    }

    /** The filters on figures, of lines that have the figures {@link Query#figures} asks for. */
    static java.util.function.Predicate<Row> figureFilter(Query query) {
        return row -> (!query.openAlerts() || row.openAlerts().present() && row.openAlerts().value() > 0)
                && (query.below() == null
                        || row.adherence30().present() && row.adherence30().percent() < query.below());
    }

    /**
     * The lines in the chosen column's order and direction, lines without a value after the rest either way, then by
     * name. Each line's key is worked out once, not at each of the ten thousand comparisons a thousand lines take.
     */
    static List<Row> sorted(List<Row> rows, Query query, Roster roster) {
        // By name is the roster's own order, the database's: the landing page cut in SQL is the same page.
        Map<UUID, Integer> place = new HashMap<>(roster.patients().size() * 4 / 3 + 1);
        roster.patients().forEach(p -> place.put(p.id(), place.size()));
        Function<Row, Figure> figure = switch (query.sort()) {
            case NAME -> r -> Figure.of(place.get(r.id()));
            case SHARES -> r -> Figure.of(r.categories().size());
            case LAST_CHECK_IN -> Row::lastCheckIn;
            case DATA_AGE -> Row::daysSinceData;
            case ADHERENCE_7 -> r -> r.adherence7().figure();
            case ADHERENCE_30 -> r -> r.adherence30().figure();
            case ALERTS -> Row::openAlerts;
            case REVIEWED -> Row::lastReviewed;
            // No tags after any, either way; then by the first tag.
            case TAGS -> r -> r.tags().isEmpty() ? Figure.NONE : Figure.of(0);
        };
        List<Keyed> keyed = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Figure f = figure.apply(row);
            String text = query.sort() == Sort.TAGS && !row.tags().isEmpty()
                    ? row.tags().get(0).toLowerCase(Locale.ROOT)
                    : "";
            keyed.add(new Keyed(row, f.rank(), f.value(), text, place.get(row.id())));
        }
        boolean desc = query.desc();
        Comparator<Keyed> order = Comparator.comparingInt(Keyed::rank)
                .thenComparing((a, b) -> desc ? Long.compare(b.value(), a.value()) : Long.compare(a.value(), b.value()))
                .thenComparing(Keyed::text,
                        desc ? Comparator.<String>reverseOrder() : Comparator.<String>naturalOrder())
                .thenComparingInt(Keyed::place);
        keyed.sort(order);
        return keyed.stream().map(Keyed::row).toList();
    }

    /** A line with its sort key: the figure's rank and value, the first tag, and its place in name order. */
    private record Keyed(Row row, int rank, long value, String text, int place) {
    }

    /** The first and last pages and two either side of the current one. */
    private static List<PageLink> links(Query query, int number, int pages) {
        Set<Integer> shown = new TreeSet<>();
        shown.add(1);
        shown.add(pages);
        for (int i = Math.max(1, number - 2); i <= Math.min(pages, number + 2); i++) {
            shown.add(i);
        }
        return shown.stream().map(i -> new PageLink(i, i == number, query.pageLink(i))).toList();
    }
}
