package app.wellkeep.vitals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.wellkeep.account.Person;

/**
 * What trend pages, the dashboard and the owner API read. Ranges of days come from the daily figures only, so a
 * year of a one-reading-a-minute heart rate costs 365 rows; raw readings are read for a single day at most.
 */
@ApplicationScoped
public class TrendService {

    /** The longest range a page or the API serves. */
    public static final int MAX_YEARS = 3;

    @Inject
    Clock clock;

    @Inject
    SampleService samples;

    public LocalDate today(Person person) {
        return LocalDate.ofInstant(clock.instant(), person.zone());
    }

    /** The daily figures of a metric from one local day to another, both included, oldest first; all stages. */
    @Transactional
    public List<DailyRollup> daily(Person person, Metric metric, LocalDate from, LocalDate to) {
        return DailyRollup.list("personId = ?1 and metric = ?2 and localDate >= ?3 and localDate <= ?4 "
                + "order by localDate, stage", person.id, metric, from, to);
    }

    /** The figures of the latest day that has any of this metric. */
    @Transactional
    public Optional<DailyRollup> latest(Person person, Metric metric) {
        return DailyRollup.<DailyRollup>find("personId = ?1 and metric = ?2 and stage = ?3 order by localDate desc",
                person.id, metric, Sample.NO_STAGE).firstResultOptional();
    }

    /**
     * Every metric's latest day, for the index and the dashboard: one query per metric, each a short walk down an
     * index ((person, metric, stage, day), and (person, metric, day) for sleep and its stages). A single grouped or
     * correlated query was measured slower on PostgreSQL with years of data.
     */
    @Transactional
    public Map<Metric, DailyRollup> latestOfEach(Person person) {
        Map<Metric, DailyRollup> latest = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            if (metric == Metric.SLEEP) {
                DailyRollup.<DailyRollup>find("personId = ?1 and metric = ?2 order by localDate desc", person.id,
                        metric).firstResultOptional().ifPresent(r -> latest.put(metric, r));
            } else {
                latest(person, metric).ifPresent(r -> latest.put(metric, r));
            }
        }
        return latest;
    }

    /** A blood pressure: the latest systolic and diastolic values of one day. */
    public record Pressure(LocalDate date, double systolic, double diastolic) {

        public String text() {
            return Math.round(systolic) + "/" + Math.round(diastolic);
        }
    }

    /** The latest day's last systolic and diastolic values, which a reading takes together. */
    @Transactional
    public Optional<Pressure> latestBloodPressure(Person person) {
        return latest(person, Metric.SYSTOLIC).flatMap(sys -> DailyRollup
                .<DailyRollup>find("personId = ?1 and metric = ?2 and stage = ?3 and localDate = ?4", person.id,
                        Metric.DIASTOLIC, Sample.NO_STAGE, sys.localDate)
                .firstResultOptional().map(dia -> new Pressure(sys.localDate, sys.latest, dia.latest)));
    }

    /** The figures of one day, by stage (only sleep has stages other than none). */
    @Transactional
    public List<DailyRollup> day(Person person, Metric metric, LocalDate day) {
        return DailyRollup.list("personId = ?1 and metric = ?2 and localDate = ?3", person.id, metric, day);
    }

    /** One local day's raw readings of a metric in the person's zone, in time order. */
    public List<Reading> samplesOfDay(Person person, Metric metric, LocalDate day) {
        ZoneId zone = person.zone();
        return samples.readings(person.id, metric, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
