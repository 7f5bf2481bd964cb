package app.wellkeep.vitals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.wellkeep.account.Person;
import app.wellkeep.account.PersonService;
import app.wellkeep.account.Role;
import app.wellkeep.vitals.MonitoringService.LimitInForce;

/**
 * Alerts and limits as a page shows them, in the units of whoever reads them and in the patient's zone: built the
 * same way for the patient's own pages and for a care team's view of what the patient shares.
 */
@ApplicationScoped
public class MonitoringViews {

    /**
     * An alert with its texts already in the reader's units; {@code number} and {@code unit} are the reading's value
     * apart, for pages that word it otherwise.
     */
    public record AlertView(UUID id, String rule, String value, String measured, boolean open, String acknowledged,
            String limit, String number, String unit) {
    }

    /** A limit as a limits page shows it, the value in the reader's unit. */
    public record LimitView(Limit limit, String label, String value, String unit, String defaultValue, String min,
            String max, boolean isDefault, String setBy, String error) {
    }

    @Inject
    MonitoringMessages messages;

    @Inject
    PersonService persons;

    /** An alert read by {@code reader}; times in {@code zone}, the patient's. */
    public AlertView alert(Alert alert, Person reader, ZoneId zone) {
        Limit limit = alert.limitType;
        String unit = unit(reader, alert.metric);
        Shown threshold = limit.difference()
                ? Shown.difference(reader, alert.metric, alert.threshold)
                : Shown.of(reader, alert.metric, alert.threshold);
        Shown value = limit.difference()
                ? Shown.difference(reader, alert.metric, alert.value)
                : Shown.of(reader, alert.metric, alert.value);
        String acknowledged = alert.isOpen()
                ? null
                : messages.acknowledgedBy(alert.acknowledgedBy == null ? "" : who(alert.acknowledgedBy, reader),
                        ReadingPages.dateTime(alert.acknowledgedAt, zone), reader.id.equals(alert.acknowledgedBy));
        return new AlertView(alert.id, messages.rule(limit.name(), threshold.number(), unit),
                messages.alertValue(limit.name(), value.number(), unit),
                messages.measured(ReadingPages.dateTime(alert.measuredAt, zone)), alert.isOpen(), acknowledged,
                limit.name(), value.number(), unit);
    }

    /** A limit in force read by {@code reader}; the typed value and error of {@code form} when it is about it. */
    public LimitView limit(LimitInForce inForce, Person reader, ZoneId zone, ThresholdForm form) {
        Limit limit = inForce.limit();
        Metric metric = limit.metric();
        boolean diff = limit.difference();
        String value = form.about(limit) && !form.reset()
                ? form.value("value")
                : Shown.input(reader, metric, inForce.value(), diff);
        String setBy = null;
        if (!inForce.isDefault()) {
            Threshold override = inForce.override();
            UUID by = override.setBy;
            setBy = messages.limitSetBy(by == null ? "" : who(by, reader), day(override.setAt, zone),
                    reader.id.equals(by), by != null && persons.role(by).filter(r -> r == Role.COACH).isPresent());
        }
        return new LimitView(limit, messages.limitLabel(limit.name()), value, unit(reader, metric),
                Shown.input(reader, metric, limit.defaultValue(), diff),
                Shown.lowest(reader, metric, limit.lowest(), diff),
                Shown.highest(reader, metric, limit.highest(), diff), inForce.isDefault(), setBy,
                form.about(limit) ? form.error("value") : null);
    }

    private static String day(Instant instant, ZoneId zone) {
        return TrendTables.DAY.format(instant.atZone(zone));
    }

    private String unit(Person reader, Metric metric) {
        return messages.unit(Shown.unitCode(reader, metric));
    }

    /** The name of whoever set a limit or acknowledged an alert; empty when their account is gone. */
    private String who(UUID personId, Person reader) {
        return personId.equals(reader.id) ? reader.displayName : persons.displayName(personId).orElse("");
    }
}
