package app.wellkeep.vitals;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the readings and monitoring pages; in {@code messages/monitoring_<locale>.properties}. */
@MessageBundle(value = "monitoring", locale = "en")
public interface MonitoringMessages {

    @Message
    String readingsTitle();

    @Message
    String readingsLead();

    @Message
    String readingsDone(String done);

    @Message
    String seeAlerts();

    @Message
    String addHeading();

    @Message
    String kind(String kind);

    @Message
    String listHeading();

    @Message
    String change();

    @Message
    String delete();

    @Message
    String noReadings();

    @Message
    String chooseTitle();

    @Message
    String chooseLead();

    @Message
    String unknownKind();

    @Message
    String backToReadings();

    @Message
    String formTitle(String kind, boolean editing);

    @Message
    String kindHint(String kind);

    @Message
    String fieldLabel(String kind, String field);

    @Message
    String rangeHint(String min, String max, String unit);

    @Message
    String errorSummary();

    @Message
    String error(String key, String min, String max, String unit);

    @Message
    String whenLegend();

    @Message
    String whenHint(String zone);

    @Message
    String dateLabel();

    @Message
    String timeLabel();

    @Message
    String saveReading();

    @Message
    String saveChanges();

    @Message
    String cancel();

    @Message
    String deleteTitle();

    @Message
    String deleteExplained();

    @Message
    String deleteButton();

    @Message
    String keepReading();

    @Message
    String unit(String code);

    @Message
    String alertsTitle();

    @Message
    String alertsLead();

    @Message
    String notADiagnosis();

    @Message
    String alertsDone();

    @Message
    String alertsLink();

    @Message
    String thresholdsLink();

    @Message
    String readingsLink();

    @Message
    String openHeading(int count);

    @Message
    String acknowledge();

    @Message
    String noOpenAlerts();

    @Message
    String historyHeading();

    @Message
    String noHistory();

    @Message
    String rule(String limit, String threshold, String unit);

    @Message
    String alertValue(String limit, String value, String unit);

    @Message
    String measured(String when);

    @Message
    String acknowledgedBy(String who, String when, boolean self);

    @Message
    String thresholdsTitle();

    @Message
    String thresholdsLead();

    @Message
    String thresholdsDone(String done);

    @Message
    String thresholdErrorSummary();

    @Message
    String limitLabel(String limit);

    @Message
    String limitDefault(String value, String unit);

    @Message
    String limitBounds(String min, String max, String unit);

    @Message
    String limitIsDefault();

    @Message
    String limitSetBy(String who, String when, boolean self, boolean coach);

    @Message
    String saveLimit();

    @Message
    String resetLimit();

}
