package app.wellkeep.vitals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.vitals.SampleService.NewReading;

/** Readings held against the limits as they arrive: each default at, just below and just above its boundary. */
@QuarkusTest
class MonitoringServiceTest {

    @Inject
    SampleService samples;

    @Inject
    MonitoringService monitoring;

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    static Person person() {
        return ConsentFixture.person("monitoring-" + UUID.randomUUID(), Role.PATIENT);
    }

    static List<Alert> alerts(Person person) {
        return QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>list("personId", person.id));
    }

    private void record(Person person, Instant at, Metric metric, double value) {
        samples.record(person, List.of(NewReading.at(metric, at, 0, value, "device", false, null)));
    }

    static Stream<Arguments> boundaries() {
        List<Arguments> cases = new ArrayList<>();
        // metric, value just below, at, just above the default, and whether each raises an alert
        cases.add(Arguments.of(Limit.SYSTOLIC_HIGH, 139.0, 140.0, 141.0, false, true, true));
        cases.add(Arguments.of(Limit.DIASTOLIC_HIGH, 89.0, 90.0, 91.0, false, true, true));
        cases.add(Arguments.of(Limit.RESTING_HEART_RATE_HIGH, 99.0, 100.0, 101.0, false, false, true));
        cases.add(Arguments.of(Limit.GLUCOSE_LOW, 69.0, 70.0, 71.0, true, false, false));
        cases.add(Arguments.of(Limit.GLUCOSE_HIGH, 179.0, 180.0, 181.0, false, false, true));
        cases.add(Arguments.of(Limit.SPO2_LOW, 91.0, 92.0, 93.0, true, false, false));
        cases.add(Arguments.of(Limit.TEMPERATURE_HIGH, 37.9, 38.0, 38.1, false, true, true));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("boundaries")
    void eachDefaultFiresFromItsBoundary(Limit limit, double below, double at, double above, boolean belowFires,
            boolean atFires, boolean aboveFires) {
        double[] values = {below, at, above};
        boolean[] fires = {belowFires, atFires, aboveFires};
        for (int i = 0; i < 3; i++) {
            Person p = person();
            record(p, NOW.minusSeconds(600), limit.metric(), values[i]);
            List<Alert> raised = alerts(p);
            assertEquals(fires[i] ? 1 : 0, raised.size(), limit + " at " + values[i]);
            if (fires[i]) {
                Alert alert = raised.get(0);
                assertEquals(limit.rule(), alert.rule);
                assertEquals(limit, alert.limitType);
                assertEquals(values[i], alert.value);
                assertEquals(limit.defaultValue(), alert.threshold);
                assertTrue(alert.isOpen());
            }
        }
    }

    @Test
    void aBloodPressureAboveBothLimitsRaisesOneAlert() {
        Person p = person();
        UUID reading = UUID.randomUUID();
        samples.record(p, List.of(
                NewReading.at(Metric.SYSTOLIC, NOW.minusSeconds(60), 0, 160, SampleService.MANUAL_SOURCE, true,
                        reading),
                NewReading.at(Metric.DIASTOLIC, NOW.minusSeconds(60), 0, 100, SampleService.MANUAL_SOURCE, true,
                        reading)));
        List<Alert> raised = alerts(p);
        assertEquals(1, raised.size());
        assertEquals(Rule.BLOOD_PRESSURE_HIGH, raised.get(0).rule);
        assertEquals(Limit.SYSTOLIC_HIGH, raised.get(0).limitType);
        assertEquals(reading, raised.get(0).readingId);
        assertEquals(1L, monitoring.openAlerts(p.id));
    }

    /** A new weight against the lowest of the 72 hours before it: more than 2 kg is a gain to look at. */
    @ParameterizedTest
    @CsvSource({"72h, 82.1, true", "72h, 82.0, false", "71h, 82.5, true", "73h, 83.0, false",
            "72h1m, 83.0, false"})
    void weightGainWithinThreeDays(String ago, double weight, boolean fires) {
        Person p = person();
        Duration before = Duration.parse("PT" + ago.toUpperCase());
        record(p, NOW.minus(before), Metric.WEIGHT, 80);
        record(p, NOW.minus(Duration.ofHours(1)).minus(before), Metric.WEIGHT, 81);
        record(p, NOW, Metric.WEIGHT, weight);
        List<Alert> raised = alerts(p).stream().filter(a -> a.measuredAt.equals(NOW)).toList();
        assertEquals(fires ? 1 : 0, raised.size(), weight + " kg " + ago + " after 80 kg");
        if (fires) {
            assertEquals(weight - 80, raised.get(0).value, 1e-9, "the gain over the lowest weight");
            assertEquals(2.0, raised.get(0).threshold);
        }
    }

    @Test
    void aFirstWeightHasNothingToGainOn() {
        Person p = person();
        record(p, NOW, Metric.WEIGHT, 120);
        assertEquals(0, alerts(p).size());
    }

    @Test
    void overridesApplyWithinTheirBoundsAndResetToTheDefault() {
        Person p = person();
        monitoring.setLimit(p.id, Limit.SYSTOLIC_HIGH, 130, p.id);
        MonitoringService.LimitInForce inForce = monitoring.limits(p.id).get(Limit.SYSTOLIC_HIGH);
        assertEquals(130, inForce.value());
        assertEquals(p.id, inForce.override().setBy);
        record(p, NOW.minusSeconds(120), Metric.SYSTOLIC, 135);
        assertEquals(1, alerts(p).size());
        assertEquals(130, alerts(p).get(0).threshold, "the alert keeps the limit in force when it fired");

        assertThrows(IllegalArgumentException.class, () -> monitoring.setLimit(p.id, Limit.SYSTOLIC_HIGH, 109, p.id));
        assertThrows(IllegalArgumentException.class, () -> monitoring.setLimit(p.id, Limit.SPO2_LOW, 98, p.id));
        assertThrows(IllegalArgumentException.class,
                () -> monitoring.setLimit(p.id, Limit.WEIGHT_GAIN, Double.NaN, p.id));
        monitoring.setLimit(p.id, Limit.SYSTOLIC_HIGH, 180, p.id);
        assertEquals(180, monitoring.limits(p.id).get(Limit.SYSTOLIC_HIGH).value(), "the upper bound itself is fine");

        monitoring.resetLimit(p.id, Limit.SYSTOLIC_HIGH);
        assertTrue(monitoring.limits(p.id).get(Limit.SYSTOLIC_HIGH).isDefault());
        assertEquals(140, monitoring.limits(p.id).get(Limit.SYSTOLIC_HIGH).value());
    }

    @Test
    void oldReadingsAndOtherMetricsRaiseNothing() {
        Person p = person();
        record(p, NOW.minus(MonitoringService.RECENT).minusSeconds(60), Metric.SYSTOLIC, 200);
        record(p, NOW, Metric.HEART_RATE, 180);
        record(p, NOW, Metric.STEPS, 50_000);
        assertEquals(0, alerts(p).size());
        record(p, Instant.now().minus(MonitoringService.RECENT).plusSeconds(600), Metric.SYSTOLIC, 200);
        assertEquals(1, alerts(p).size());
    }

    @Test
    void acknowledgingRecordsWhoAndWhenOnce() {
        Person p = person();
        Person other = person();
        record(p, NOW, Metric.OXYGEN_SATURATION, 88);
        Alert alert = alerts(p).get(0);
        Alert first = monitoring.acknowledge(p, alert.id, p.id);
        assertEquals(p.id, first.acknowledgedBy);
        Instant when = first.acknowledgedAt;
        Alert again = monitoring.acknowledge(p, alert.id, other.id);
        assertEquals(when, again.acknowledgedAt);
        assertEquals(p.id, again.acknowledgedBy);
        assertEquals(0L, monitoring.openAlerts(p.id));
        assertThrows(jakarta.ws.rs.NotFoundException.class, () -> monitoring.acknowledge(other, alert.id, other.id));
    }
}
