package app.wellkeep.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the shell, the public pages and the role homes. The texts live in
 * {@code messages/msg_<locale>.properties}; the methods make each key checked at build time.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {

    @Message
    String appName();

    @Message
    String htmlLang();

    @Message
    String skipToContent();

    @Message
    String navLabel();

    @Message
    String navDashboard();

    @Message
    String navCareTeam();

    @Message
    String navAdmin();

    @Message
    String coachNavLabel();

    @Message
    String coachNavRoster();

    @Message
    String coachNavTriage();

    @Message
    String coachNavOutreach();

    @Message
    String signIn();

    @Message
    String signOut();

    @Message
    String signedInAs(String name);

    @Message
    String rolePatient();

    @Message
    String roleCoach();

    @Message
    String roleAdmin();

    @Message
    String footerDisclaimer();

    @Message
    String welcomeTitle();

    @Message
    String welcomeLead();

    @Message
    String welcomeRegisterHint();

    @Message
    String welcomeFeaturesHeading();

    @Message
    String welcomeTrendsTitle();

    @Message
    String welcomeTrendsText();

    @Message
    String welcomeSharingTitle();

    @Message
    String welcomeSharingText();

    @Message
    String welcomeCoachTitle();

    @Message
    String welcomeCoachText();

    @Message
    String dashboardTitle();

    @Message
    String dashboardGreeting(String name);

    @Message
    String dashboardEmptyTitle();

    @Message
    String dashboardEmptyText();

    @Message
    String careTeamTitle();

    @Message
    String careTeamGreeting(String name);

    @Message
    String careTeamEmptyTitle();

    @Message
    String careTeamEmptyText();

    @Message
    String adminTitle();

    @Message
    String adminPeopleHeading();

    @Message
    String adminPeopleCaption();

    @Message
    String adminRoleColumn();

    @Message
    String adminCountColumn();

    @Message
    String errorTitle(int status);

    @Message
    String errorText(int status);

    @Message
    String errorReference(String reference);

    @Message
    String errorHomeLink();

    @Message
    String navCheckIn();

    @Message
    String navProfile();

    @Message
    String profileTitle();

    @Message
    String profileTimeZoneLabel();

    @Message
    String profileTimeZoneHint();

    @Message
    String profileSave();

    @Message
    String profileSaved();

    @Message
    String profileTimeZoneInvalid();

    @Message
    String profileUseDeviceZone();

    @Message
    String navSharing();

    @Message
    String navTrends();

    @Message
    String navImports();

    @Message
    String navMonitoring();

    @Message
    String rosterHeading();

    @Message
    String rosterCaption();

    @Message
    String rosterColumnName();

    @Message
    String rosterColumnShares();

    @Message
    String shareCodesHeading();

    @Message
    String shareCodesLead();

    @Message
    String shareCodeIs();

    @Message
    String invitationLink();

    @Message
    String backToRoster();

    @Message
    String sharedHeading();

    @Message
    String categoryShared();

    @Message
    String categorySharedFrom(String from);

    @Message
    String categoryNotShared();

    @Message
    String patientCheckInsHeading();

    @Message
    String columnStress();

    @Message
    String columnSleep();

    @Message
    String columnNote();

    @Message
    String patientNoCheckIns();

    @Message
    String urgentFlag();

    @Message
    String checkInsNotShared();

    @Message
    String auditTitle();

    @Message
    String backToAdmin();

    @Message
    String auditCounts(long chains, long events);

    @Message
    String auditIntact();

    @Message
    String auditBroken();

    @Message
    String auditChain();

    @Message
    String auditSeq();

    @Message
    String auditEvent();

    @Message
    String auditProblem();

    @Message
    String auditLink();
    @Message
    String profileErrorSummary();

    @Message
    String profileDisplayNameLabel();

    @Message
    String profileDisplayNameHint(String name);

    @Message
    String profileUnitsLegend();

    @Message
    String profileUnitsHint();

    @Message
    String profileUnitLabel(String field);

    @Message
    String profileError(String key);

    @Message
    String previousPage();

    @Message
    String nextPage();

    @Message
    String pageOf(int page, int pages);
}
