package app.wellkeep.ingest.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.wellkeep.account.Person;
import app.wellkeep.ingest.ReadingRules;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.Units;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.Reading;
import app.wellkeep.vitals.SampleService;
import app.wellkeep.vitals.SampleService.NewReading;

/**
 * Readings a device pushes in batches. Each reading carries the device's own id for it: a batch sent again (a
 * retry after a lost answer) adds nothing, and each reading gets its own answer, so one bad value never costs the
 * good ones. The readings are held to the same rules as imported ones and go through the same write, monitoring
 * included.
 */
@ApplicationScoped
public class DevicePushService {

    public static final int MAX_READINGS = 1000;
    static final int MAX_ID = 100;

    /** A reading as a device sends it. */
    public record Pushed(String id, String metric, String start, String end, Double value, String unit, String stage) {
    }

    /** What became of one reading: added, already here (a retry), or rejected with a reason. */
    public record Result(String id, String status, Rejection reason, String detail) {

        static Result added(String id) {
            return new Result(id, "added", null, null);
        }

        static Result duplicate(String id) {
            return new Result(id, "duplicate", null, null);
        }

        static Result rejected(String id, Rejection reason, String detail) {
            return new Result(id, "rejected", reason, detail);
        }
    }

    @Inject
    Clock clock;

    @Inject
    SampleService samples;

    /** Stores what is new of the batch and answers for each reading in the order sent. */
    @Transactional
    public List<Result> push(Person person, String deviceName, List<Pushed> readings) {
        String device = ReadingRules.source(deviceName);
        Instant now = clock.instant();
        Result[] results = new Result[readings.size()];
        Map<String, Integer> seenIds = new HashMap<>();
        List<NewReading> fresh = new ArrayList<>();
        List<Integer> freshAt = new ArrayList<>();
        List<String> fingerprints = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            Pushed p = readings.get(i);
            String id = p == null || p.id() == null ? null : p.id().strip();
            if (id == null || id.isEmpty() || id.length() > MAX_ID) {
                results[i] = Result.rejected(id, Rejection.MISSING_FIELD, "id is missing or longer than " + MAX_ID);
                continue;
            }
            if (seenIds.putIfAbsent(id, i) != null) {
                results[i] = Result.rejected(id, Rejection.INVALID_FIELD, "id sent twice in one batch");
                continue;
            }
            Parsed parsed = parse(p, person.zone());
            if (parsed.refusal != null) {
                results[i] = parsed.refusal.withId(id);
                continue;
            }
            NewReading reading = new NewReading(parsed.metric, parsed.start, parsed.end, parsed.offset,
                    parsed.value, parsed.stage, device, false, null);
            Optional<ReadingRules.Refusal> refused = ReadingRules.check(reading.metric(), reading.start(),
                    reading.end(), reading.utcOffset(), reading.value(), reading.stage(), device,
                    ReadingRules.latest(now));
            if (refused.isPresent()) {
                results[i] = Result.rejected(id, refused.get().reason(), refused.get().detail());
                continue;
            }
            String fingerprint = fingerprint(reading);
            DeviceReading known = DeviceReading.findById(key(person, device, id));
            if (known != null) {
                results[i] = known.fingerprint.equals(fingerprint)
                        ? Result.duplicate(id)
                        : Result.rejected(id, Rejection.ID_REUSED, "id used before for another reading");
                continue;
            }
            fresh.add(reading);
            freshAt.add(i);
            fingerprints.add(fingerprint);
        }
        if (!fresh.isEmpty()) {
            Set<String> added = new HashSet<>();
            for (Reading r : samples.record(person, fresh).added()) {
                added.add(identity(r.metric(), r.start(), r.end(), r.stage()));
            }
            for (int k = 0; k < fresh.size(); k++) {
                NewReading r = fresh.get(k);
                String id = readings.get(freshAt.get(k)).id().strip();
                boolean isNew = added.remove(identity(r.metric(), r.start(), r.end(), r.stage()));
                results[freshAt.get(k)] = isNew ? Result.added(id) : Result.duplicate(id);
                DeviceReading row = new DeviceReading();
                row.personId = person.id;
                row.device = device;
                row.clientId = id;
                row.fingerprint = fingerprints.get(k);
                row.receivedAt = now;
                row.persist();
            }
        }
        return List.of(results);
    }

    private static DeviceReading.Key key(Person person, String device, String id) {
        DeviceReading.Key key = new DeviceReading.Key();
        key.personId = person.id;
        key.device = device;
        key.clientId = id;
        return key;
    }

    private static String identity(Metric metric, Instant start, Instant end, String stage) {
        return metric + "|" + start.toEpochMilli() + "|" + end.toEpochMilli() + "|" + stage;
    }

    private static String fingerprint(NewReading r) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((r.metric() + "|" + r.start().toEpochMilli()
                    + "|" + r.end().toEpochMilli() + "|" + r.utcOffset() + "|" + r.value() + "|" + r.stage())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A pushed reading read into stored terms, or why it cannot be. */
    private record Parsed(Metric metric, Instant start, Instant end, int offset, double value, String stage,
            Refusal refusal) {

        static Parsed refused(Rejection reason, String detail) {
            return new Parsed(null, null, null, 0, 0, null, new Refusal(reason, detail));
        }
    }

    private record Refusal(Rejection reason, String detail) {

        Result withId(String id) {
            return Result.rejected(id, reason, detail);
        }
    }

    private static Parsed parse(Pushed p, ZoneId zone) {
        if (p.metric() == null || p.start() == null || p.value() == null && !"sleep".equals(p.metric())) {
            return Parsed.refused(Rejection.MISSING_FIELD, "metric, start and value are required");
        }
        Optional<Metric> metric = Metric.bySlug(p.metric().strip().toLowerCase(Locale.ROOT))
                .or(() -> Metric.byLoinc(p.metric().strip()));
        if (metric.isEmpty()) {
            return Parsed.refused(Rejection.INVALID_FIELD, "unknown metric " + p.metric());
        }
        Time start = time(p.start(), zone);
        Time end = p.end() == null || p.end().isBlank() ? start : time(p.end(), zone);
        if (start == null || end == null) {
            return Parsed.refused(Rejection.BAD_TIME, "times are ISO 8601, as 2024-10-25T07:04:44-05:00");
        }
        String stage = "";
        double value;
        if (metric.get() == Metric.SLEEP) {
            stage = p.stage() == null ? "ASLEEP" : p.stage().strip().toUpperCase(Locale.ROOT);
            value = p.value() != null
                    ? p.value()
                    : java.time.Duration.between(start.at(), end.at()).getSeconds() / 60.0;
            if (p.value() != null && p.unit() != null) {
                OptionalDouble minutes = Units.toStored(Metric.SLEEP, p.value(), p.unit());
                if (minutes.isEmpty()) {
                    return Parsed.refused(Rejection.UNKNOWN_UNIT, "unit " + p.unit());
                }
                value = minutes.getAsDouble();
            }
        } else {
            OptionalDouble stored = Units.toStored(metric.get(), p.value(), p.unit() == null
                    ? metric.get().unit()
                    : p.unit());
            if (stored.isEmpty()) {
                return Parsed.refused(Rejection.UNKNOWN_UNIT, "unit " + p.unit() + " is not a unit of "
                        + metric.get().slug());
            }
            value = stored.getAsDouble();
        }
        return new Parsed(metric.get(), start.at(), end.at(), start.offset(), value, stage, null);
    }

    /** A moment and the offset it was written at. */
    private record Time(Instant at, int offset) {
    }

    /** An ISO 8601 time with its offset, or a local one in the person's zone. */
    private static Time time(String text, ZoneId zone) {
        try {
            OffsetDateTime at = OffsetDateTime.parse(text.strip());
            return new Time(at.toInstant(), at.getOffset().getTotalSeconds());
        } catch (DateTimeParseException notWithOffset) {
            try {
                var at = LocalDateTime.parse(text.strip()).atZone(zone);
                return new Time(at.toInstant(), at.getOffset().getTotalSeconds());
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }
}
