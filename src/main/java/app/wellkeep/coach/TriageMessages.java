package app.wellkeep.coach;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the triage queue, check-in reviews, feedback and private notes; in {@code messages/triage_<locale>.properties}. */
@MessageBundle(value = "triage", locale = "en")
public interface TriageMessages {

    @Message
    String queueTitle();

    @Message
    String queueLead(int days);

    @Message
    String queueTotal(int count, int page, int pages);

    @Message
    String queueEmptyTitle();

    @Message
    String queueEmptyText();

    @Message
    String reasonsLabel();

    @Message
    String reason(String code);

    @Message
    String noFlags();

    @Message
    String newSymptomsAre();

    @Message
    String editedAfterReview();

    @Message
    String moodAndScore(int mood, int score);

    @Message
    String markReviewed();

    @Message
    String undoReview();

    @Message
    String pagerLabel();

    @Message
    String done(String code);

    @Message
    String undoRefusedTitle();

    @Message
    String undoRefusedText(String reviewer);

    @Message
    String backToWhereIWas();

    @Message
    String feedbackTitle();

    @Message
    String feedbackLabel();

    @Message
    String feedbackLabelFor(String date);

    @Message
    String feedbackHint(int max);

    @Message
    String feedbackHeading();

    @Message
    String feedbackBy(String author, String when);

    @Message
    String noFeedback();

    @Message
    String seen();

    @Message
    String notSeenYet();

    @Message
    String sendFeedback();

    @Message
    String errorSummary();

    @Message
    String error(String code, int max);

    @Message
    String historyTitle(String name);

    @Message
    String backToPatient(String name);

    @Message
    String notesLink();

    @Message
    String sharedFrom(String date);

    @Message
    String period(String from, String to);

    @Message
    String periodNavLabel();

    @Message
    String olderPeriod();

    @Message
    String newerPeriod();

    @Message
    String stress();

    @Message
    String sleepQuality();

    @Message
    String noSymptoms();

    @Message
    String note();

    @Message
    String reviewedBy(String reviewer, String when);

    @Message
    String editedSinceReview();

    @Message
    String noCheckInsInPeriod();

    @Message
    String scoresCaption(String from, String to);

    @Message
    String urgentAnswer();

    @Message
    String noScores();

    @Message
    String checkInsNotShared();

    @Message
    String notesTitle(String name);

    @Message
    String notesLeadTeam();

    @Message
    String notesLeadCoach();

    @Message
    String noteLabel();

    @Message
    String noteHint(int max);

    @Message
    String addNote();

    @Message
    String noteSaved();

    @Message
    String notesHeading();

    @Message
    String noteBy(String author, String when);

    @Message
    String noNotes();

    @Message
    String tileTitle();

    @Message
    String tileEmpty();

    @Message
    String unseenCount(int count);

    @Message
    String fromCoach(String name);

    @Message
    String patientFeedbackToday();

    @Message
    String patientFeedbackHeading();

    @Message
    String patientNoFeedback();
}
