package app.wellkeep.vitals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The tables of the trend pages, built from daily figures (and, for one day of heart rate, from its readings). The
 * chart is drawn from these tables in the browser, so the table is always there as its accessible alternative.
 */
public final class TrendTables {

    static final Locale LOCALE = Locale.ENGLISH;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", LOCALE);
    static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", LOCALE);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", LOCALE);
    static final List<String> ASLEEP_STAGES = List.of("CORE", "DEEP", "REM", "ASLEEP");

    /** A column: its message key, and whether the chart draws it. */
    @TemplateData
    public record Column(String key, boolean charted) {
    }

    /**
     * A cell: what it shows, the plain number the chart reads (empty for none), and for durations the minutes,
     * which the template writes out in hours and minutes.
     */
    @TemplateData
    public record Cell(String text, String value, Integer minutes) {

        static final Cell NONE = new Cell("–", "", null);

        /** "7 h 30 min", written once for each length a night can have rather than once a cell. */
        private static final java.util.concurrent.ConcurrentHashMap<Integer, String> DURATIONS = new java.util.concurrent.ConcurrentHashMap<>();

        static Cell number(String number) {
            return new Cell(number, number, null);
        }

        static Cell duration(double minutes) {
            int rounded = (int) Math.round(minutes);
            String text = DURATIONS.computeIfAbsent(rounded, m -> MessageBundles.get(VitalsMessages.class)
                    .duration(m / 60, m % 60));
            return new Cell(text, hours(rounded), rounded);
        }

        static Cell text(String text) {
            return new Cell(text, "", null);
        }

        /** Minutes as hours with two decimals, "7.50", the number the chart draws. */
        private static String hours(int minutes) {
            long hundredths = Math.round(minutes * 100 / 60.0);
            long fraction = Math.abs(hundredths % 100);
            return (hundredths < 0 ? "-" : "") + Math.abs(hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
        }

        public boolean isDuration() {
            return minutes != null;
        }

        public int hours() {
            return minutes / 60;
        }

        public int restMinutes() {
            return minutes % 60;
        }
    }

    /** A row: a day (with a link to its detail where there is one) or an ISO week, labelled in full. */
    @TemplateData
    public record Row(String label, String href, List<Cell> cells) {
    }

    @TemplateData
    public record Table(List<Column> columns, List<Row> rows) {

        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    private TrendTables() {
    }

    /** A day as the pages write it. */
    public static String formatDay(LocalDate date) {
        return DAY.format(date);
    }

    // Measured metrics (heart rate, weight): the day's mean, lowest, highest and latest.

    static Table rangeDaily(List<DailyRollup> days, UnitView unit, Function<LocalDate, String> link) {
        List<Row> rows = days.stream().map(d -> day(d.localDate, link, List.of(Cell.number(unit.format(d.mean())),
                Cell.number(unit.format(d.min)), Cell.number(unit.format(d.max)),
                Cell.number(unit.format(d.latest))))).toList();
        return new Table(List.of(new Column("mean", true), new Column("min", true), new Column("max", true),
                new Column("latest", false)), rows);
    }

    static Table rangeWeekly(List<WeeklyRollup> weeks, UnitView unit) {
        List<Row> rows = weeks.stream().map(w -> week(w.weekStart, List.of(Cell.number(unit.format(w.mean())),
                Cell.number(unit.format(w.min)), Cell.number(unit.format(w.max)), Cell.number(unit.format(w.latest)),
                Cell.number(Integer.toString(w.days()))))).toList();
        return new Table(List.of(new Column("mean", true), new Column("min", true), new Column("max", true),
                new Column("latest", false), new Column("days", false)), rows);
    }

    // Counted metrics (steps, distance): the day's total.

    static Table sumDaily(List<DailyRollup> days, UnitView unit) {
        List<Row> rows = days.stream()
                .map(d -> day(d.localDate, null, List.of(Cell.number(unit.format(d.total))))).toList();
        return new Table(List.of(new Column("total", true)), rows);
    }

    static Table sumWeekly(List<WeeklyRollup> weeks, UnitView unit) {
        List<Row> rows = weeks.stream().map(w -> week(w.weekStart, List.of(Cell.number(unit.format(w.total)),
                Cell.number(unit.format(w.total / w.days())), Cell.number(Integer.toString(w.days()))))).toList();
        return new Table(List.of(new Column("total", true), new Column("dailyAverage", true),
                new Column("days", false)), rows);
    }

    // Sleep: minutes by stage for each night (the night counts toward the morning it ends on).

    /** Minutes asleep in a night's figures: the asleep stages only, never time awake or merely in bed. */
    public static double asleepMinutes(List<DailyRollup> night) {
        return night.stream().filter(r -> ASLEEP_STAGES.contains(r.stage)).mapToDouble(r -> r.total).sum();
    }

    static Table sleepDaily(List<DailyRollup> rollups) {
        List<Row> rows = nights(rollups).entrySet().stream().map(e -> {
            Map<String, Double> stages = e.getValue().stream()
                    .collect(Collectors.toMap(r -> r.stage, r -> r.total, Double::sum));
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.duration(asleepMinutes(e.getValue())));
            for (String stage : List.of("CORE", "DEEP", "REM", "ASLEEP", "AWAKE", "IN_BED")) {
                Double minutes = stages.get(stage);
                cells.add(minutes == null ? Cell.NONE : Cell.duration(minutes));
            }
            return day(e.getKey(), null, cells);
        }).toList();
        // Stages are drawn stacked: their sum is the night's time asleep, so the total itself is not drawn.
        return new Table(List.of(new Column("asleep", false), new Column("stageCore", true),
                new Column("stageDeep", true), new Column("stageRem", true), new Column("stageAsleep", true),
                new Column("stageAwake", false), new Column("stageInBed", false)), rows);
    }

    /**
     * The weeks of nights, from the weeks by stage: each week's mean time asleep over its nights, a night being any
     * with figures, even of time awake only (that night's time asleep is none).
     */
    static Table sleepWeekly(List<WeeklyRollup> stages) {
        TreeMap<LocalDate, double[]> weeks = new TreeMap<>();
        TreeMap<LocalDate, Integer> nights = new TreeMap<>();
        for (WeeklyRollup w : stages) {
            weeks.computeIfAbsent(w.weekStart, m -> new double[1])[0] += ASLEEP_STAGES.contains(w.stage) ? w.total : 0;
            nights.merge(w.weekStart, w.dayMask, (a, b) -> a | b);
        }
        List<Row> rows = new ArrayList<>();
        weeks.forEach((monday, asleep) -> {
            int count = Integer.bitCount(nights.get(monday));
            rows.add(week(monday, List.of(Cell.duration(asleep[0] / count), Cell.number(Integer.toString(count)))));
        });
        return new Table(List.of(new Column("asleepAverage", true), new Column("nights", false)), rows);
    }

    private static Map<LocalDate, List<DailyRollup>> nights(List<DailyRollup> rollups) {
        return rollups.stream().collect(Collectors.groupingBy(r -> r.localDate, TreeMap::new, Collectors.toList()));
    }

    // Blood pressure: the systolic and diastolic figures of the same days, side by side.

    static Table bloodPressureDaily(List<DailyRollup> systolic, List<DailyRollup> diastolic, UnitView unit) {
        Map<LocalDate, DailyRollup> sys = byDate(systolic);
        Map<LocalDate, DailyRollup> dia = byDate(diastolic);
        Set<LocalDate> dates = new java.util.TreeSet<>(sys.keySet());
        dates.addAll(dia.keySet());
        List<Row> rows = dates.stream().map(date -> {
            DailyRollup s = sys.get(date);
            DailyRollup d = dia.get(date);
            return day(date, null, List.of(s == null ? Cell.NONE : Cell.number(unit.format(s.mean())),
                    d == null ? Cell.NONE : Cell.number(unit.format(d.mean())),
                    s == null ? Cell.NONE : Cell.number(unit.format(s.max)),
                    d == null ? Cell.NONE : Cell.number(unit.format(d.max)),
                    s == null || d == null
                            ? Cell.NONE
                            : Cell.text(unit.format(s.latest) + "/" + unit.format(d.latest))));
        }).toList();
        return new Table(List.of(new Column("systolicMean", true), new Column("diastolicMean", true),
                new Column("systolicMax", true), new Column("diastolicMax", true), new Column("latest", false)), rows);
    }

    static Table bloodPressureWeekly(List<WeeklyRollup> systolic, List<WeeklyRollup> diastolic, UnitView unit) {
        Map<LocalDate, WeeklyRollup> sys = byMonday(systolic);
        Map<LocalDate, WeeklyRollup> dia = byMonday(diastolic);
        Set<LocalDate> weeks = new java.util.TreeSet<>(sys.keySet());
        weeks.addAll(dia.keySet());
        List<Row> rows = weeks.stream().map(monday -> {
            WeeklyRollup s = sys.get(monday);
            WeeklyRollup d = dia.get(monday);
            int days = (s == null ? 0 : s.dayMask) | (d == null ? 0 : d.dayMask);
            return week(monday, List.of(mean(s, unit), mean(d, unit), max(s, unit), max(d, unit),
                    Cell.number(Integer.toString(Integer.bitCount(days)))));
        }).toList();
        return new Table(List.of(new Column("systolicMean", true), new Column("diastolicMean", true),
                new Column("systolicMax", true), new Column("diastolicMax", true), new Column("days", false)), rows);
    }

    private static Cell mean(WeeklyRollup week, UnitView unit) {
        return week == null || week.count == 0 ? Cell.NONE : Cell.number(unit.format(week.mean()));
    }

    private static Cell max(WeeklyRollup week, UnitView unit) {
        return week == null ? Cell.NONE : Cell.number(unit.format(week.max));
    }

    private static Map<LocalDate, WeeklyRollup> byMonday(List<WeeklyRollup> weeks) {
        Map<LocalDate, WeeklyRollup> byMonday = new TreeMap<>();
        weeks.forEach(w -> byMonday.put(w.weekStart, w));
        return byMonday;
    }

    // One day of heart rate, from its readings: a row per quarter of an hour.

    static final int SLOT_SECONDS = 15 * 60;

    static Table heartRateDay(List<SampleService.TimedValue> samples, ZoneId zone, UnitView unit) {
        // Per slot, in one pass: the same compensated mean, lowest, highest and count a stream of each slot gives.
        TreeMap<Long, DoubleSummaryStatistics> slots = new TreeMap<>();
        for (SampleService.TimedValue s : samples) {
            slots.computeIfAbsent(Math.floorDiv(s.startMs(), SLOT_SECONDS * 1000L), k -> new DoubleSummaryStatistics())
                    .accept(s.value());
        }
        // On the day clocks change, one hour happens twice: the offset tells the two apart.
        boolean offsetsDiffer = slots.keySet().stream()
                .map(slot -> zone.getRules().getOffset(Instant.ofEpochSecond(slot * SLOT_SECONDS))).distinct()
                .count() > 1;
        List<Row> rows = slots.entrySet().stream().map(e -> {
            ZonedDateTime start = Instant.ofEpochSecond(e.getKey() * SLOT_SECONDS).atZone(zone);
            String label = TIME.format(start) + (offsetsDiffer ? " (" + start.getOffset() + ")" : "");
            DoubleSummaryStatistics slot = e.getValue();
            return new Row(label, null, List.of(Cell.number(unit.format(slot.getAverage())),
                    Cell.number(unit.format(slot.getMin())), Cell.number(unit.format(slot.getMax())),
                    Cell.number(Long.toString(slot.getCount()))));
        }).toList();
        return new Table(List.of(new Column("mean", true), new Column("min", true), new Column("max", true),
                new Column("readings", false)), rows);
    }

    private static Row day(LocalDate date, Function<LocalDate, String> link, List<Cell> cells) {
        return new Row(DAY.format(date), link == null ? null : link.apply(date), cells);
    }

    private static Row week(LocalDate monday, List<Cell> cells) {
        return new Row(weekLabel(monday), null, cells);
    }

    /**
     * "Week 5, 2026 (2 Feb – 8 Feb 2026)", written once for each week rather than once a row of every page: a
     * message rendered per row was a tenth of a long range's page. Weeks shown lie within a few years of today, so
     * the cache stays small; it starts over should it ever grow past that.
     */
    public static String weekLabel(LocalDate monday) {
        if (WEEK_LABELS.size() > MAX_WEEK_LABELS) {
            WEEK_LABELS.clear();
        }
        return WEEK_LABELS.computeIfAbsent(monday, m -> MessageBundles.get(VitalsMessages.class).weekLabel(
                m.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), m.get(IsoFields.WEEK_BASED_YEAR),
                SHORT_DAY.format(m) + " – " + DAY.format(m.plusDays(6))));
    }

    private static final java.util.concurrent.ConcurrentHashMap<LocalDate, String> WEEK_LABELS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_WEEK_LABELS = 4096;

    private static Map<LocalDate, DailyRollup> byDate(List<DailyRollup> days) {
        return days.stream().collect(Collectors.toMap(d -> d.localDate, d -> d, (a, b) -> a, TreeMap::new));
    }
}
