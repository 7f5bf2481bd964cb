package app.wellkeep.coach;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the outreach pages and the outreach log; in {@code messages/outreach_<locale>.properties}. */
@MessageBundle(value = "outreach", locale = "en")
public interface OutreachMessages {

    @Message
    String outreachTitle();

    @Message
    String outreachLead();

    @Message
    String policyLink();

    @Message
    String needsHeading();

    @Message
    String needsTotal(int count, int page, int pages);

    @Message
    String pagerLabel();

    @Message
    String needsCaption();

    @Message
    String columnPatient();

    @Message
    String columnReasons();

    @Message
    String columnCheckIns();

    @Message
    String columnDataDays(int days);

    @Message
    String columnAlerts();

    @Message
    String columnLastContact();

    @Message
    String columnStatus();

    @Message
    String reason(String name);

    @Message
    String daysSinceCheckIn(long days);

    @Message
    String noCheckInFor(long days);

    @Message
    String notShared();

    @Message
    String dataDaysOf(long count, int of);

    @Message
    String overdueAlerts(long count);

    @Message
    String neverContacted();

    @Message
    String statusContacted();

    @Message
    String statusDue();

    @Message
    String needsEmptyTitle();

    @Message
    String needsEmptyText();

    @Message
    String policyTitle();

    @Message
    String policyLead();

    @Message
    String policySaved();

    @Message
    String policyErrorSummary();

    @Message
    String formError(String key);

    @Message
    String policyForTeam(String team);

    @Message
    String policyOwn();

    @Message
    String policyUpdated(String by, String at);

    @Message
    String policyDefaults();

    @Message
    String policyLabel(String field);

    @Message
    String policyHint(String field);

    @Message
    String fieldError(String key, String field);

    @Message
    String policySave();

    @Message
    String backToOutreach();

    @Message
    String logTitle(String name);

    @Message
    String logLead();

    @Message
    String contactSaved();

    @Message
    String contactErrorSummary();

    @Message
    String nowHeading();

    @Message
    String noReasons();

    @Message
    String contactHeading();

    @Message
    String contactedAtLabel();

    @Message
    String contactedAtHint();

    @Message
    String channelLabel();

    @Message
    String choose();

    @Message
    String channel(String name);

    @Message
    String outcomeLabel();

    @Message
    String outcome(String name);

    @Message
    String noteLabel();

    @Message
    String noteHint(int max);

    @Message
    String contactSave();

    @Message
    String logHeading();

    @Message
    String logCaption(String name);

    @Message
    String columnWhen();

    @Message
    String columnBy();

    @Message
    String noReasonsShort();

    @Message
    String logEmpty();
}
