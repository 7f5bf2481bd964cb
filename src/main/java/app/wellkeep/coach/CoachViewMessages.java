package app.wellkeep.coach;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of a care team's view of one patient and of the limits it sets; in {@code messages/coachview_<locale>}. */
@MessageBundle(value = "coachview", locale = "en")
public interface CoachViewMessages {

    @Message
    String patientTitle(String name);

    @Message
    String backToRoster();

    @Message
    String sharedHeading(String name);

    @Message
    String sharedFrom(String from);

    @Message
    String notShared();

    @Message
    String notSharedTile(String name);

    @Message
    String tilesLabel();

    @Message
    String noData();

    @Message
    String checkInDone();

    @Message
    String checkInNotYet();

    @Message
    String checkInHistory();

    @Message
    String notesLink();

    @Message
    String alertsLink();

    @Message
    String thresholdsLink();

    @Message
    String outreachLink();

    @Message
    String openAlerts(int count);

    @Message
    String reviewAlerts();

    @Message
    String trendTitle(String name, String metric);

    @Message
    String backToPatient(String name);

    @Message
    String clipped(String from, String name);

    @Message
    String beforeWindow(String from);

    @Message
    String emptyTrend();

    @Message
    String emptyDay();

    @Message
    String alertsTitle(String name);

    @Message
    String alertsLead();

    @Message
    String alertValue(String limit, String value, String unit);

    @Message
    String thresholdsTitle(String name);

    @Message
    String thresholdsLead();

    @Message
    String thresholdsNone(String name);

    @Message
    String limitBounds(String min, String max, String unit);

    @Message
    String thresholdsDone(String done);

    @Message
    String rangeSummary(String from, String to, String name);

    @Message
    String heartRateDayTitle(String name, String date);

    @Message
    String badRequestBack();

    @Message
    String patientLinksLabel(String name);
}
