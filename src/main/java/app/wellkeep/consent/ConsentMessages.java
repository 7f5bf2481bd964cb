package app.wellkeep.consent;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the sharing pages and the consent receipts; in {@code messages/consent_<locale>.properties}. */
@MessageBundle(value = "consent", locale = "en")
public interface ConsentMessages {

    @Message
    String sharingTitle();

    @Message
    String sharingLead();

    @Message
    String done(String key);

    @Message
    String connectHeading();

    @Message
    String codeLabel();

    @Message
    String codeHint();

    @Message
    String codeUnknown();

    @Message
    String codeContinue();

    @Message
    String activeHeading();

    @Message
    String changeGrant();

    @Message
    String stopSharing();

    @Message
    String noActive();

    @Message
    String endedHeading();

    @Message
    String receiptsHeading();

    @Message
    String receiptsLead();

    @Message
    String columnWhen();

    @Message
    String columnWhat();

    @Message
    String columnWith();

    @Message
    String columnDownload();

    @Message
    String action(String key);

    @Message
    String receiptText();

    @Message
    String receiptFhir();

    @Message
    String noReceipts();

    @Message
    String accessLogLink();

    @Message
    String recipientKind(String key);

    @Message
    String teamMembers(int count);

    @Message
    String factCategories();

    @Message
    String category(String key);

    @Message
    String categoryExplained(String key);

    @Message
    String factWindow();

    @Message
    String window(String kind, String from, Integer days);

    @Message
    String factExpiry();

    @Message
    String expiry(String date);

    @Message
    String endedExpired(String date);

    @Message
    String endedRevoked();

    @Message
    String endedClosed();

    @Message
    String factSince();

    @Message
    String connectTitle(String name);

    @Message
    String whoHeading();

    @Message
    String teamExplained();

    @Message
    String teamNoMembers();

    @Message
    String errorSummary();

    @Message
    String error(String key);

    @Message
    String categoryLegend();

    @Message
    String categoryHint();

    @Message
    String windowLegend();

    @Message
    String windowAll();

    @Message
    String windowLastDays();

    @Message
    String daysLabel();

    @Message
    String windowFrom();

    @Message
    String fromLabel();

    @Message
    String expiryLegend();

    @Message
    String expiryNever();

    @Message
    String expiryOn();

    @Message
    String expiresOnLabel();

    @Message
    String notesNotice();

    @Message
    String reviewButton();

    @Message
    String cancel();

    @Message
    String reviewTitle();

    @Message
    String summaryHeading();

    @Message
    String summaryWho(String name);

    @Message
    String summaryTeam(int count);

    @Message
    String termsHeading(String version);

    @Message
    String confirmButton();

    @Message
    String backButton();

    @Message
    String revokeTitle(String name);

    @Message
    String revokeExplained(String name);

    @Message
    String revokeNotes();

    @Message
    String revokeButton();

    @Message
    String keepSharing();

    @Message
    String receiptHeading();

    @Message
    String receiptFor(String name);

    @Message
    String receiptRecorded(String at);

    @Message
    String receiptAction(String action, String name);

    @Message
    String receiptId(java.util.UUID id, java.util.UUID grantId);

    @Message
    String accessLogTitle();

    @Message
    String accessLogLead();

    @Message
    String backToSharing();

    @Message
    String filterPerson();

    @Message
    String filterAnyone();

    @Message
    String filterCategory();

    @Message
    String filterAnyCategory();

    @Message
    String filterFrom();

    @Message
    String filterTo();

    @Message
    String filterApply();

    @Message
    String accessLogCount(long count);

    @Message
    String columnWho();

    @Message
    String columnData();

    @Message
    String columnWhy();

    @Message
    String columnOutcome();

    @Message
    String deletedAccount();

    @Message
    String actorRole(String key);

    @Message
    String identityRead();

    @Message
    String purpose(String key);

    @Message
    String outcomeAllowed();

    @Message
    String outcomeRefused(String reason);

    @Message
    String olderEntries();

    @Message
    String accessLogEmpty();

    @Message
    String endedNotice(String name, String date);

    @Message
    String endedNoticeLink();
}
