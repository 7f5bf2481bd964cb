package app.wellkeep.coach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;

import app.wellkeep.account.Person;
import app.wellkeep.common.RecentDays;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.vitals.Alert;
import app.wellkeep.vitals.DailyRollup;
import app.wellkeep.vitals.LatestDay;
import app.wellkeep.vitals.Limit;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.Rule;
import app.wellkeep.vitals.Sample;

/** Daily figures and alerts written straight to the database, as the outreach rules read them. */
final class OutreachFixture {

    private OutreachFixture() {
    }

    /** Steps on each of the {@code days} days ending {@code lastDay}. */
    static void stepsOnDays(Person patient, LocalDate lastDay, int days) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < days; i++) {
                DailyRollup r = new DailyRollup();
                r.personId = patient.id;
                r.metric = Metric.STEPS;
                r.stage = Sample.NO_STAGE;
                r.localDate = lastDay.minusDays(i);
                r.count = 1;
                r.total = 5000;
                r.min = 5000;
                r.max = 5000;
                r.latest = 5000;
                r.persist();
            }
            // The latest day and the days before it with figures, as the app keeps them with the figures.
            DailyRollup.flush();
            List<LocalDate> all = DailyRollup.<DailyRollup>list("personId = ?1 and metric = ?2", patient.id,
                    Metric.STEPS).stream().map(r -> r.localDate).toList();
            LatestDay.delete("personId = ?1 and metric = ?2", patient.id, Metric.STEPS);
            LatestDay latest = new LatestDay();
            latest.personId = patient.id;
            latest.metric = Metric.STEPS;
            latest.localDate = all.stream().max(LocalDate::compareTo).orElseThrow();
            latest.recentDays = RecentDays.of(latest.localDate, all);
            latest.persist();
        });
    }

    static Alert openAlert(Person patient, Instant raised) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Alert a = new Alert();
            a.id = UUID.randomUUID();
            a.personId = patient.id;
            a.rule = Rule.GLUCOSE_HIGH;
            a.limitType = Limit.values()[0];
            a.metric = Metric.GLUCOSE;
            a.sampleId = UUID.randomUUID();
            a.readingId = UUID.randomUUID();
            a.value = 300;
            a.threshold = 250;
            a.measuredAt = raised;
            a.utcOffset = 0;
            a.createdAt = raised;
            a.persist();
            return a;
        });
    }

    static LocalDate today() {
        return ConsentFixture.today();
    }
}
