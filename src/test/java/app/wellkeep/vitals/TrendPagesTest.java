package app.wellkeep.vitals;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

import app.wellkeep.account.Person;
import app.wellkeep.account.PersonService;
import app.wellkeep.vitals.SampleService.NewReading;

/** Trend pages and the owner API: days in the person's zone, weeks, units, one day of heart rate, page size. */
@QuarkusTest
@TestSecurity(user = "trends-patient", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "sub", value = TrendPagesTest.SUBJECT),
        @Claim(key = "name", value = "Tess Trend")})
class TrendPagesTest {

    static final String SUBJECT = "sub-trends-patient";

    @Inject
    SampleService samples;

    @Inject
    PersonService persons;

    Person person;

    @BeforeEach
    void clean() {
        given().get("/trends").then().statusCode(200);
        person = QuarkusTransaction.requiringNew().call(() -> {
            Person p = Person.findBySubject(SUBJECT).orElseThrow();
            samples.eraseAll(p.id);
            DailyRollup.delete("personId", p.id);
            p.weightUnit = "kg";
            p.glucoseUnit = "mg/dL";
            p.temperatureUnit = "Cel";
            return p;
        });
        zone("Europe/London");
    }

    private void zone(String zone) {
        QuarkusTransaction.requiringNew().run(() -> persons.changeTimeZone(person.id, ZoneId.of(zone)));
        person = QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(person.id));
    }

    private void record(Metric metric, String instant, double value) {
        samples.record(person, List.of(NewReading.at(metric, Instant.parse(instant), 0, value, "watch", false, null)));
    }

    @Test
    void aCustomRangeCountsDaysInThePersonsZoneAcrossTheAutumnChange() {
        // New York leaves daylight saving on 1 November 2026; 04:30 UTC on the 2nd is still the 1st there.
        zone("America/New_York");
        record(Metric.STEPS, "2026-11-01T04:30:00Z", 1000);
        record(Metric.STEPS, "2026-11-02T04:30:00Z", 2000);
        record(Metric.STEPS, "2026-11-02T05:30:00Z", 4000);
        record(Metric.STEPS, "2026-11-04T12:00:00Z", 8000);
        String html = given().get("/trends/steps?from=2026-11-01&to=2026-11-02").then().statusCode(200).extract()
                .asString();
        assertTrue(html.contains("<th scope=\"row\">1 Nov 2026</th><td class=\"num\" data-value=\"3000\">3000</td>"),
                html);
        assertTrue(html.contains("<th scope=\"row\">2 Nov 2026</th><td class=\"num\" data-value=\"4000\">4000</td>"));
        assertTrue(!html.contains("8000"), "a day outside the range is not shown");
    }

    @Test
    void weeksAreIsoWeeksFromMondayToSunday() {
        // Sunday 3 May and Monday 4 May 2026 fall in ISO weeks 18 and 19.
        record(Metric.STEPS, "2026-05-02T12:00:00Z", 1000);
        record(Metric.STEPS, "2026-05-03T12:00:00Z", 3000);
        record(Metric.STEPS, "2026-05-04T12:00:00Z", 5000);
        String html = given().get("/trends/steps?from=2026-04-27&to=2026-05-10").then().statusCode(200).extract()
                .asString();
        String weekly = html.substring(html.indexOf("id=\"weekly-table\""));
        assertTrue(weekly.contains("Week 18, 2026 (27 Apr – 3 May 2026)</th><td class=\"num\" data-value=\"4000\">"
                + "4000</td><td class=\"num\" data-value=\"2000\">2000</td>"), weekly);
        assertTrue(weekly.contains("Week 19, 2026 (4 May – 10 May 2026)</th><td class=\"num\" data-value=\"5000\">"));
    }

    @Test
    void weightIsShownAndServedInThePersonsUnit() {
        record(Metric.WEIGHT, "2026-05-05T07:00:00Z", 80);
        given().get("/trends/weight?from=2026-05-05&to=2026-05-05").then().statusCode(200)
                .body(containsString(">80.0</td>")).body(containsString("in kg"));
        QuarkusTransaction.requiringNew().run(() -> Person.update("weightUnit = '[lb_av]' where id = ?1", person.id));
        given().get("/trends/weight?from=2026-05-05&to=2026-05-05").then().statusCode(200)
                .body(containsString(">176.4</td>")).body(containsString("in lb"));
        given().get("/api/vitals/weight/daily?from=2026-05-05&to=2026-05-05").then().statusCode(200)
                .body("unit", equalTo("[lb_av]")).body("days", hasSize(1))
                .body("days[0].latest", equalTo(176.37f)).body("days[0].count", equalTo(1));
    }

    @Test
    void bloodPressureShowsBothValuesOnOnePage() {
        samples.record(person, List.of(
                NewReading.at(Metric.SYSTOLIC, Instant.parse("2026-05-06T07:00:00Z"), 0, 128, "cuff", false, null),
                NewReading.at(Metric.DIASTOLIC, Instant.parse("2026-05-06T07:00:00Z"), 0, 84, "cuff", false, null)));
        given().get("/trends/blood-pressure?from=2026-05-06&to=2026-05-06").then().statusCode(200)
                .body(containsString(">128/84</td>")).body(containsString("Systolic average"));
        given().redirects().follow(false).get("/trends/systolic").then().statusCode(303);
    }

    /** 5 h of core and 1 h 30 min of deep sleep, then 30 min awake: 6 h 30 min asleep, the night of 3 to 4 May. */
    private static List<NewReading> nightEndingOn4May() {
        return List.of(
                new NewReading(Metric.SLEEP, Instant.parse("2026-05-03T22:00:00Z"),
                        Instant.parse("2026-05-04T03:00:00Z"), 3600, 300, "CORE", "watch", false, null),
                new NewReading(Metric.SLEEP, Instant.parse("2026-05-04T03:00:00Z"),
                        Instant.parse("2026-05-04T04:30:00Z"), 3600, 90, "DEEP", "watch", false, null),
                new NewReading(Metric.SLEEP, Instant.parse("2026-05-04T04:30:00Z"),
                        Instant.parse("2026-05-04T05:00:00Z"), 3600, 30, "AWAKE", "watch", false, null));
    }

    @Test
    void sleepIsTimeAsleepByStageInHoursAndMinutes() {
        samples.record(person, nightEndingOn4May());
        String html = given().get("/trends/sleep?from=2026-05-04&to=2026-05-04").then().statusCode(200).extract()
                .asString();
        assertTrue(html.contains("<th scope=\"row\">4 May 2026</th><td class=\"num\" data-value=\"6.50\">6 h 30 min"
                + "</td><td class=\"num\" data-value=\"5.00\">5 h 0 min</td>"), html);
        assertTrue(html.contains("data-value=\"0.50\">30 min</td>"), "awake is shown apart");
    }

    @Test
    void aLongRangesWeeksOfSleepAreThoseOfTheNightsByStage() {
        samples.record(person, nightEndingOn4May());
        samples.record(person, List.of(new NewReading(Metric.SLEEP, Instant.parse("2026-05-04T22:00:00Z"),
                Instant.parse("2026-05-05T03:00:00Z"), 3600, 300, "CORE", "watch", false, null),
                // A night of time awake only: a night recorded, asleep for none of it.
                new NewReading(Metric.SLEEP, Instant.parse("2026-05-06T04:00:00Z"),
                        Instant.parse("2026-05-06T04:30:00Z"), 3600, 30, "AWAKE", "watch", false, null)));
        // (6 h 30 min + 5 h + 0) / 3 nights = 3 h 50 min.
        String week = "Week 19, 2026 (4 May – 10 May 2026)</th><td class=\"num\" data-value=\"3.83\">3 h 50 min</td>"
                + "<td class=\"num\" data-value=\"3\">3</td>";
        String byStage = given().get("/trends/sleep?from=2026-05-01&to=2026-05-20").then().statusCode(200).extract()
                .asString();
        assertTrue(byStage.contains(week), byStage);
        // Over 90 days the page has weeks only, read from the stored weeks by stage.
        String nightly = given().get("/trends/sleep?from=2026-01-01&to=2026-06-30").then().statusCode(200).extract()
                .asString();
        assertTrue(nightly.contains(week), nightly);
        assertTrue(!nightly.contains("id=\"daily-table\""), "no daily table over 90 days");
    }

    @Test
    void theDayViewShowsOnlyThatDayInThePersonsZone() {
        zone("America/New_York");
        record(Metric.HEART_RATE, "2026-05-01T03:59:00Z", 111); // 23:59 EDT on 30 April
        record(Metric.HEART_RATE, "2026-05-01T04:00:00Z", 61); // 00:00 EDT on 1 May
        record(Metric.HEART_RATE, "2026-05-01T04:05:00Z", 65);
        record(Metric.HEART_RATE, "2026-05-02T03:59:00Z", 71); // 23:59 EDT on 1 May
        record(Metric.HEART_RATE, "2026-05-02T04:00:00Z", 122); // 2 May
        String html = given().get("/trends/heart-rate/days/2026-05-01").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<th scope=\"row\">00:00</th><td class=\"num\" data-value=\"63\">63</td>"), html);
        assertTrue(html.contains("<th scope=\"row\">23:45</th><td class=\"num\" data-value=\"71\">71</td>"));
        assertTrue(!html.contains("111") && !html.contains("122"), "readings of other days stay out");
        given().get("/api/vitals/heart-rate/samples?date=2026-05-01").then().statusCode(200)
                .body("samples", hasSize(3)).body("samples[0].start", equalTo("2026-05-01T04:00Z"))
                .body("samples[2].value", equalTo(71.0f));
    }

    @Test
    void theApiKeepsEachReadingsOwnOffset() {
        samples.record(person, List.of(NewReading.at(Metric.HEART_RATE, Instant.parse("2026-05-01T10:00:00Z"),
                7200, 60, "watch", false, null)));
        given().get("/api/vitals/heart-rate/samples?date=2026-05-01").then().statusCode(200)
                .body("samples[0].start", equalTo("2026-05-01T12:00+02:00")).body("timeZone", equalTo("Europe/London"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"range=14 | 7, 30, 90 or 365", "from=2026-05-01 | both a start date",
            "from=2026-05-02&to=2026-05-01 | must not be after", "from=2023-01-01&to=2026-01-02 | at most 3 years",
            "from=2026-02-30&to=2026-03-01 | dates like"})
    void badRangesGetA400PageThatSaysWhy(String query, String message) {
        given().get("/trends/steps?" + query).then().statusCode(400).body(containsString(message));
        given().get("/api/vitals/steps/daily?" + query.replace("range=14", "from=x&to=y")).then().statusCode(400);
    }

    @Test
    void threeYearsIsTheLongestRange() {
        given().get("/trends/steps?from=2023-01-01&to=2026-01-01").then().statusCode(200);
        given().get("/api/vitals/steps/daily?from=2023-01-01&to=2026-01-01").then().statusCode(200);
        given().get("/api/vitals/heart-rate/samples?date=yesterday").then().statusCode(400);
        given().get("/trends/heart-rate/days/2026-13-01").then().statusCode(400);
        given().get("/trends/no-such-metric").then().statusCode(404);
    }

    @Test
    void anEmptyRangeSaysHowToAddData() {
        given().get("/trends/glucose?range=7").then().statusCode(200)
                .body(containsString("No readings in this period"))
                .body(containsString("href=\"/readings/new?kind=glucose\"")).body(not(containsString("<figure")));
    }

    @Test
    void theIndexListsLatestValues() {
        record(Metric.RESTING_HEART_RATE, "2026-05-06T07:00:00Z", 54);
        given().get("/trends").then().statusCode(200).body(containsString("href=\"/trends/blood-pressure\""))
                .body(containsString("54 per minute"));
    }

    @Test
    void aYearOfPageDoesNotGrowWithTheNumberOfReadings() {
        LocalDate today = LocalDate.now(person.zone());
        LocalDate first = today.minusDays(364);
        List<NewReading> one = new ArrayList<>();
        List<NewReading> more = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            Instant noon = d.atTime(12, 0).atZone(person.zone()).toInstant();
            one.add(NewReading.at(Metric.HEART_RATE, noon, 0, 60, "watch", false, null));
            // Eleven more readings a day that leave the day's figures as they were: lowest 60, highest 60.
            for (int i = 1; i <= 11; i++) {
                more.add(NewReading.at(Metric.HEART_RATE, noon.minus(Duration.ofMinutes(i)), 0, 60, "watch", false,
                        null));
            }
        }
        samples.record(person, one);
        int small = given().get("/trends/heart-rate?range=365").then().statusCode(200).extract().asString().length();
        samples.record(person, more);
        String html = given().get("/trends/heart-rate?range=365").then().statusCode(200).extract().asString();
        assertEquals(small, html.length(), "twelve times the readings, the same page");
        assertTrue(html.length() < 40_000, "a year of heart rate stays a small page: " + html.length());
        Matcher rows = Pattern.compile("<tr><th scope=\"row\">").matcher(html);
        int count = 0;
        while (rows.find()) {
            count++;
        }
        assertEquals(53, count, 1, "over 90 days, a row per ISO week");
        assertTrue(html.contains("data-chart-table=\"weekly-table\""), "the chart is drawn from the weeks");
        String ninety = given().get("/trends/heart-rate?range=90").then().statusCode(200).extract().asString();
        assertTrue(ninety.contains("data-chart-table=\"daily-table\""), "up to 90 days, day by day");
    }
}
