package app.wellkeep.vitals;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the trend pages, the dashboard tiles and the goals; in {@code messages/vitals_<locale>.properties}. */
@MessageBundle(value = "vitals", locale = "en")
public interface VitalsMessages {

    @Message
    String trendsTitle();

    @Message
    String trendsLead();

    @Message
    String indexCaption();

    @Message
    String noDataYet();

    @Message
    String goalsLink();

    @Message
    String backToTrends();

    @Message
    String metricName(String slug);

    @Message
    String unit(String ucum);

    @Message
    String unitName(String ucum);

    @Message
    String rangeNavLabel();

    @Message
    String lastDays(int days);

    @Message
    String fromLabel();

    @Message
    String toLabel();

    @Message
    String showRange();

    @Message
    String rangeSummary(String from, String to);

    @Message
    String dailyHeading();

    @Message
    String nightlyHeading();

    @Message
    String weeklyHeading();

    @Message
    String weeklyOnlyHint(int days);

    @Message
    String dailyCaption(String name, String unit);

    @Message
    String weeklyCaption(String name, String unit);

    @Message
    String dayCaption(String unit);

    @Message
    String dayViewHint();

    @Message
    String column(String key);

    @Message
    String weekLabel(int week, int year, String dates);

    @Message
    String duration(int hours, int minutes);

    @Message
    String emptyTitle();

    @Message
    String emptyText();

    @Message
    String emptyDayTitle();

    @Message
    String addReading();

    @Message
    String heartRateDayTitle(String date);

    @Message
    String backToHeartRate();

    @Message
    String dayNavLabel();

    @Message
    String previousDay();

    @Message
    String nextDay();

    @Message
    String badRequestTitle();

    @Message
    String badRequestBack(String name);

    @Message
    String error(String key);

    @Message
    String goalsTitle();

    @Message
    String goalsLead();

    @Message
    String goalsSaved();

    @Message
    String goalsErrorSummary();

    @Message
    String stepsLabel();

    @Message
    String stepsHint(int min, int max);

    @Message
    String sleepLabel();

    @Message
    String sleepHint(int min, int max);

    @Message
    String targetWeightLabel(String unit);

    @Message
    String targetWeightHint(String min, String max, String unit);

    @Message
    String goalsSave();

    @Message
    String goalError(String key);

    @Message
    String tilesLabel();

    @Message
    String tileSteps();

    @Message
    String tileSleep();

    @Message
    String tileRestingHeartRate();

    @Message
    String tileWeight();

    @Message
    String tileBloodPressure();

    @Message
    String tileGlucose();

    @Message
    String tileCheckIn();

    @Message
    String stepsProgress(String steps, String goal);

    @Message
    String sleepProgress(int hours, int minutes, int goalHours, int goalMinutes);

    @Message
    String percentOfGoal(int percent);

    @Message
    String goalReached();

    @Message
    String tileValue(String value, String unit);

    @Message
    String tileOn(String date);

    @Message
    String weightToLose(String difference, String unit, String target);

    @Message
    String weightToGain(String difference, String unit, String target);

    @Message
    String weightAtTarget(String target, String unit);

    @Message
    String weightNoTarget();

    @Message
    String tileEmpty();

    @Message
    String tileEmptySteps();

    @Message
    String tileEmptySleep();

    @Message
    String tileAdd();

    @Message
    String tileSeeTrend();

    @Message
    String tileCheckInDone();

    @Message
    String tileCheckInNotYet();

    @Message
    String tileCheckInLink();

    @Message
    String allTrends();

    @Message
    String changeGoals();

    @Message
    String goalsBackToDashboard();

    @Message
    String tileAlertsReview();
}
