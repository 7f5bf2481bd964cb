package app.wellkeep.vitals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import app.wellkeep.account.Person;
import app.wellkeep.vitals.SampleService.NewReading;

/** Readings a patient types in by hand: listed, added, corrected and deleted, always the owner's own. */
@ApplicationScoped
public class ReadingService {

    /** One reading as typed in: its values (two for a blood pressure) share the reading id. */
    public record ManualReading(UUID readingId, ReadingKind kind, List<Sample> samples) {

        public Sample first() {
            return samples.get(0);
        }
    }

    /** A stored reading and how many alerts it raised. */
    public record Saved(UUID readingId, long alerts) {
    }

    @Inject
    SampleService samples;

    @Inject
    MonitoringService monitoring;

    /** The person's manual readings, newest first. */
    @Transactional
    public List<ManualReading> readings(Person person) {
        Map<UUID, List<Sample>> byReading = new LinkedHashMap<>();
        Sample.<Sample>list("personId = ?1 and manual = true order by startAt desc, readingId, metric", person.id)
                .forEach(s -> byReading.computeIfAbsent(s.readingId, k -> new ArrayList<>()).add(s));
        return byReading.entrySet().stream().map(e -> reading(e.getKey(), e.getValue()))
                .flatMap(Optional::stream).toList();
    }

    /** One of the person's manual readings; 404 for anyone else's, or for one no form can edit. */
    @Transactional
    public ManualReading reading(Person person, UUID readingId) {
        return reading(readingId, samples.manualReading(person, readingId)).orElseThrow(NotFoundException::new);
    }

    private static Optional<ManualReading> reading(UUID readingId, List<Sample> values) {
        List<Sample> sorted = values.stream().sorted(Comparator.comparing((Sample s) -> s.metric)).toList();
        return ReadingKind.ofMetrics(sorted.stream().map(s -> s.metric).collect(Collectors.toSet()))
                .map(kind -> new ManualReading(readingId, kind, sorted));
    }

    /** Stores a new reading; empty when the person already has one of this kind at that minute. */
    @Transactional
    public Optional<Saved> add(Person person, List<NewReading> readings) {
        if (clashes(person, readings, null)) {
            return Optional.empty();
        }
        UUID readingId = UUID.randomUUID();
        samples.record(person, readings.stream().map(r -> withReadingId(r, readingId)).toList());
        return Optional.of(new Saved(readingId, openAlerts(person, readingId)));
    }

    /** Replaces a reading by its corrected values; empty (and nothing changed) when it would clash with another. */
    @Transactional
    public Optional<Saved> correct(Person person, UUID readingId, List<NewReading> corrected) {
        reading(person, readingId);
        if (clashes(person, corrected, readingId)) {
            return Optional.empty();
        }
        samples.replaceManual(person, readingId, corrected);
        return Optional.of(new Saved(readingId, openAlerts(person, readingId)));
    }

    @Transactional
    public void delete(Person person, UUID readingId) {
        samples.deleteManual(person, readingId);
    }

    private long openAlerts(Person person, UUID readingId) {
        return monitoring.alertsOfReading(person, readingId).stream().filter(Alert::isOpen).count();
    }

    /**
     * Whether another manual reading has the same metric at the same moment: the sample store would take the new
     * one for a repeat of it and silently keep only the old one.
     */
    private static boolean clashes(Person person, List<NewReading> readings, UUID except) {
        for (NewReading r : readings) {
            long same = except == null
                    ? Sample.count("personId = ?1 and metric = ?2 and source = ?3 and startAt = ?4", person.id,
                            r.metric(), SampleService.MANUAL_SOURCE, r.start())
                    : Sample.count("personId = ?1 and metric = ?2 and source = ?3 and startAt = ?4 "
                            + "and readingId <> ?5", person.id, r.metric(), SampleService.MANUAL_SOURCE, r.start(),
                            except);
            if (same > 0) {
                return true;
            }
        }
        return false;
    }

    private static NewReading withReadingId(NewReading r, UUID readingId) {
        return new NewReading(r.metric(), r.start(), r.end(), r.utcOffset(), r.value(), r.stage(), r.source(),
                r.manual(), readingId);
    }
}
