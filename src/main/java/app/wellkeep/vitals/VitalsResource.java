package app.wellkeep.vitals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;

/**
 * The owner's own readings as JSON: daily figures over a range (from the daily figures, in the unit the person reads
 * them in) and one day of heart-rate readings as recorded, with the offset each was taken at.
 */
@Path("/api/vitals")
@RolesAllowed(Role.PATIENT_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class VitalsResource {

    @Inject
    CurrentPerson current;

    @Inject
    TrendService trends;

    @GET
    @Path("{slug}/daily")
    public Map<String, Object> daily(@PathParam("slug") String slug, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Metric metric = Metric.bySlug(slug).orElseThrow(NotFoundException::new);
        Person person = current.person();
        TrendRange range;
        try {
            range = TrendRange.parse(null, from, to, trends.today(person));
        } catch (TrendRange.Invalid e) {
            throw new BadRequestException(e.key());
        }
        UnitView unit = UnitView.of(person, metric);
        List<DailyRollup> rollups = trends.daily(person, metric, range.from(), range.to());
        List<Map<String, Object>> days;
        if (metric == Metric.SLEEP) {
            Map<LocalDate, List<DailyRollup>> nights = rollups.stream()
                    .collect(Collectors.groupingBy(r -> r.localDate, TreeMap::new, Collectors.toList()));
            days = nights.entrySet().stream().map(e -> {
                Map<String, Object> day = new LinkedHashMap<>();
                day.put("date", e.getKey().toString());
                day.put("asleep", TrendTables.asleepMinutes(e.getValue()));
                day.put("stages", e.getValue().stream()
                        .collect(Collectors.toMap(r -> r.stage, r -> r.total, Double::sum, TreeMap::new)));
                return day;
            }).toList();
        } else if (metric.aggregation() == Metric.Aggregation.SUM) {
            days = rollups.stream().map(r -> {
                Map<String, Object> day = new LinkedHashMap<>();
                day.put("date", r.localDate.toString());
                day.put("total", value(unit, r.total));
                return day;
            }).toList();
        } else {
            days = rollups.stream().map(r -> {
                Map<String, Object> day = new LinkedHashMap<>();
                day.put("date", r.localDate.toString());
                day.put("count", r.count);
                day.put("min", value(unit, r.min));
                day.put("max", value(unit, r.max));
                day.put("mean", value(unit, r.mean()));
                day.put("latest", value(unit, r.latest));
                return day;
            }).toList();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metric", metric.slug());
        body.put("loinc", metric.loinc());
        body.put("unit", unit.ucum());
        body.put("aggregation", metric.aggregation().name());
        body.put("timeZone", person.timeZone);
        body.put("from", range.from().toString());
        body.put("to", range.to().toString());
        body.put("days", days);
        return body;
    }

    @GET
    @Path("heart-rate/samples")
    public Map<String, Object> heartRateSamples(@QueryParam("date") String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("date is a date like 2026-03-31");
        }
        Person person = current.person();
        List<Map<String, Object>> samples = trends.samplesOfDay(person, Metric.HEART_RATE, day).stream().map(s -> {
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("start", s.localStart().toString());
            sample.put("end", s.end().atOffset(s.localStart().getOffset()).toString());
            sample.put("value", s.value());
            sample.put("source", s.source());
            return sample;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metric", Metric.HEART_RATE.slug());
        body.put("loinc", Metric.HEART_RATE.loinc());
        body.put("unit", Metric.HEART_RATE.unit());
        body.put("date", day.toString());
        body.put("timeZone", person.timeZone);
        body.put("samples", samples);
        return body;
    }

    /** Converted to the person's unit, with two more decimals than a page shows, so sums stay honest. */
    private static double value(UnitView unit, double stored) {
        return BigDecimal.valueOf(unit.shown(stored)).setScale(unit.decimals() + 2, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
