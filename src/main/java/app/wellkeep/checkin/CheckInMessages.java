package app.wellkeep.checkin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the check-in pages and the reminders; in {@code messages/checkin_<locale>.properties}. */
@MessageBundle(value = "checkin", locale = "en")
public interface CheckInMessages {

    @Message
    String checkInTitle();

    @Message
    String checkInLead();

    @Message
    String checkInDoneToday();

    @Message
    String checkInNotYet();

    @Message
    String checkInSaved();

    @Message
    String checkInErrorSummary();

    @Message
    String checkInSave();

    @Message
    String checkInUpdate();

    @Message
    String checkInFor(String day);

    @Message
    String streak(int days);

    @Message
    String historyLink();

    @Message
    String remindersLink();

    @Message
    String moodLegend();

    @Message
    String energyLegend();

    @Message
    String stressLegend();

    @Message
    String sleepQualityLegend();

    @Message
    String moodLevel(int level);

    @Message
    String energyLevel(int level);

    @Message
    String stressLevel(int level);

    @Message
    String sleepQualityLevel(int level);

    @Message
    String medicationLegend();

    @Message
    String medicationChoice(String choice);

    @Message
    String symptomsLegend();

    @Message
    String symptomsHint();

    @Message
    String symptom(String code);

    @Message
    String symptomNoteLabel();

    @Message
    String noteLabel();

    @Message
    String urgentSymptomsAdvice();

    @Message
    String error(String key);

    @Message
    String screeningsDueHeading();

    @Message
    String screeningsDueText();

    @Message
    String screeningsNotDue();

    @Message
    String startQuestionnaire(String title);

    @Message
    String questionnaireSubmit();

    @Message
    String questionnaireErrorSummary();

    @Message
    String questionnaireStale();

    @Message
    String resultTitle(String title);

    @Message
    String resultScore(int score, int max);

    @Message
    String resultBand(String band);

    @Message
    String resultFollowUpText();

    @Message
    String resultFollowUpButton(String title);

    @Message
    String resultDisclaimer();

    @Message
    String resultBackLink();

    @Message
    String crisisHeading();

    @Message
    String crisisText();

    @Message
    String crisisEmergency();

    @Message
    String crisisLines();

    @Message
    String crisisCareTeam();

    @Message
    String historyTitle();

    @Message
    String historyCalendarHeading();

    @Message
    String historyCalendarCaption();

    @Message
    String historyDone();

    @Message
    String historyMissed();

    @Message
    String historyToday();

    @Message
    String historyCompliance(int last7, int last30);

    @Message
    String historyTrendsHeading();

    @Message
    String historyTrendsCaption();

    @Message
    String historyScoresHeading();

    @Message
    String historyScoresCaption();

    @Message
    String historyNoScores();

    @Message
    String historyNoCheckIns();

    @Message
    String columnDate();

    @Message
    String columnStatus();

    @Message
    String columnMood();

    @Message
    String columnEnergy();

    @Message
    String columnQuestionnaire();

    @Message
    String columnScore();

    @Message
    String columnResult();

    @Message
    String weekday(int weekday);

    @Message
    String remindersTitle();

    @Message
    String remindersLead();

    @Message
    String remindersEmailLabel();

    @Message
    String remindersTimeLabel();

    @Message
    String remindersTimeHint(String zone);

    @Message
    String remindersSave();

    @Message
    String remindersSaved();

    @Message
    String remindersTimeInvalid();

    @Message
    String remindersNoEmail();

    @Message
    String reminderDueBanner();

    @Message
    String reminderDueLink();

    @Message
    String mailSubject();

    @Message
    String mailGreeting(String name);

    @Message
    String mailBody();

    @Message
    String mailButton();

    @Message
    String mailUnsubscribe();

    @Message
    String unsubscribeTitle();

    @Message
    String unsubscribeQuestion();

    @Message
    String unsubscribeButton();

    @Message
    String unsubscribeDone();

    @Message
    String unsubscribeInvalid();

}
