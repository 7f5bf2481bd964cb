package app.wellkeep.vitals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import app.wellkeep.account.Person;
import app.wellkeep.vitals.SampleService.NewReading;

/**
 * Three months of readings for the demo patient, as a phone, a watch, a scale, a cuff and a meter would send them.
 * Each day's values come from a generator seeded by the date, so loading again (on any later day) adds only the
 * days that are new: the readings of a day are the same readings every time.
 */
@ApplicationScoped
public class VitalsDemo {

    static final int DAYS = 90;
    /** Days of the most recent heart rate kept at five-minute resolution, for the day view. */
    static final int INTRADAY_DAYS = 7;

    @Inject
    SampleService samples;

    /** The readings up to {@code now}; loading again at the same instant adds none. */
    @Transactional(TxType.MANDATORY)
    public int load(Person person, Instant now) {
        ZoneId zone = person.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        int added = 0;
        for (int back = DAYS; back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            // Today only as far as it has gone: what the devices could have sent by now.
            List<NewReading> readings = day(day, zone, back <= INTRADAY_DAYS).stream()
                    .filter(r -> !r.end().isAfter(now)).toList();
            added += samples.record(person, readings).added().size();
        }
        return added;
    }

    /** One day's readings; the date seeds the values. Also what the page benchmark fills years with. */
    public static List<NewReading> day(LocalDate day, ZoneId zone, boolean intraday) {
        Random random = new Random(day.toEpochDay());
        List<NewReading> readings = new ArrayList<>();
        boolean weekend = day.getDayOfWeek().getValue() >= 6;
        // Steps in four walks over the day, counted by the phone; the watch saw most of them too.
        int[] hours = {8, 12, 17, 20};
        for (int h : hours) {
            int steps = (weekend ? 2200 : 1600) + random.nextInt(1400);
            ZonedDateTime start = day.atTime(h, 0).atZone(zone);
            readings.add(interval(Metric.STEPS, start, start.plusMinutes(45), steps, "iPhone"));
            readings.add(interval(Metric.STEPS, start, start.plusMinutes(45), Math.round(steps * 0.93), "Apple Watch"));
        }
        readings.add(at(Metric.RESTING_HEART_RATE, day.atTime(7, 5).atZone(zone), 58 + random.nextInt(7),
                "Apple Watch"));
        // Last night: core, deep and REM with a short wake, ending this morning.
        ZonedDateTime bed = day.minusDays(1).atTime(22, 40 + random.nextInt(15)).atZone(zone);
        int core = 180 + random.nextInt(60);
        int deep = 60 + random.nextInt(30);
        int rem = 70 + random.nextInt(30);
        readings.add(stage(bed, bed.plusMinutes(core), SleepStage.CORE, core));
        readings.add(stage(bed.plusMinutes(core), bed.plusMinutes(core + deep), SleepStage.DEEP, deep));
        readings.add(stage(bed.plusMinutes(core + deep), bed.plusMinutes(core + deep + 12), SleepStage.AWAKE, 12));
        readings.add(stage(bed.plusMinutes(core + deep + 12), bed.plusMinutes(core + deep + 12 + rem), SleepStage.REM,
                rem));
        if (day.toEpochDay() % 2 == 0) {
            // A slow, real-looking weight trend around 72 kg.
            double weight = 72.4 - (day.toEpochDay() % 90) * 0.012 + random.nextGaussian() * 0.25;
            readings.add(at(Metric.WEIGHT, day.atTime(7, 15).atZone(zone), Math.round(weight * 10) / 10.0,
                    "Withings scale"));
        }
        if (day.toEpochDay() % 3 == 0) {
            UUID pair = UUID.nameUUIDFromBytes(("bp" + day).getBytes());
            ZonedDateTime at = day.atTime(8, 30).atZone(zone);
            readings.add(paired(Metric.SYSTOLIC, at, 122 + random.nextInt(22), pair));
            readings.add(paired(Metric.DIASTOLIC, at, 76 + random.nextInt(16), pair));
        }
        if (day.toEpochDay() % 4 == 0) {
            readings.add(at(Metric.GLUCOSE, day.atTime(7, 45).atZone(zone), 88 + random.nextInt(30), "Contour meter"));
        }
        if (day.toEpochDay() % 5 == 0) {
            readings.add(at(Metric.OXYGEN_SATURATION, day.atTime(9, 0).atZone(zone), 95 + random.nextInt(4),
                    "Apple Watch"));
        }
        if (intraday) {
            for (int minute = 0; minute < 24 * 60; minute += 5) {
                ZonedDateTime at = day.atStartOfDay(zone).plusMinutes(minute);
                boolean asleep = at.getHour() < 7;
                boolean walking = List.of(8, 12, 17, 20).contains(at.getHour()) && at.getMinute() < 45;
                int bpm = (asleep ? 54 : walking ? 98 : 70) + random.nextInt(9);
                readings.add(at(Metric.HEART_RATE, at, bpm, "Apple Watch"));
            }
        } else {
            for (int h = 0; h < 24; h += 3) {
                readings.add(at(Metric.HEART_RATE, day.atTime(h, 10).atZone(zone), (h < 7 ? 55 : 72)
                        + random.nextInt(10), "Apple Watch"));
            }
        }
        return readings;
    }

    private static NewReading at(Metric metric, ZonedDateTime at, double value, String source) {
        return NewReading.at(metric, at.toInstant(), at.getOffset().getTotalSeconds(), value, source, false, null);
    }

    private static NewReading paired(Metric metric, ZonedDateTime at, double value, UUID pair) {
        return NewReading.at(metric, at.toInstant(), at.getOffset().getTotalSeconds(), value, "Omron cuff", false,
                pair);
    }

    private static NewReading interval(Metric metric, ZonedDateTime start, ZonedDateTime end, double value,
            String source) {
        return new NewReading(metric, start.toInstant(), end.toInstant(), start.getOffset().getTotalSeconds(), value,
                Sample.NO_STAGE, source, false, null);
    }

    private static NewReading stage(ZonedDateTime start, ZonedDateTime end, SleepStage stage, int minutes) {
        return new NewReading(Metric.SLEEP, start.toInstant(), end.toInstant(), start.getOffset().getTotalSeconds(),
                minutes, stage.name(), "Apple Watch", false, null);
    }

}
