package app.wellkeep.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the care-team administration pages; in {@code messages/teams_<locale>.properties}. */
@MessageBundle(value = "teams", locale = "en")
public interface TeamMessages {

    @Message
    String teamsTitle();

    @Message
    String teamsLead();

    @Message
    String teamsLink();

    @Message
    String done(String what);

    @Message
    String errorSummary();

    @Message
    String formError(String key);

    @Message
    String teamsHeading();

    @Message
    String teamsCaption();

    @Message
    String columnName();

    @Message
    String columnMembers();

    @Message
    String columnPatients();

    @Message
    String teamsEmpty();

    @Message
    String createHeading();

    @Message
    String nameLabel();

    @Message
    String nameHint();

    @Message
    String nameError(String key);

    @Message
    String createButton();

    @Message
    String backToAdmin();

    @Message
    String teamTitle(String name);

    @Message
    String teamCounts(long members, long patients);

    @Message
    String memberError();

    @Message
    String membersHeading();

    @Message
    String membersCaption(String name);

    @Message
    String columnCoach();

    @Message
    String columnEmail();

    @Message
    String columnAction();

    @Message
    String removeButton(String name);

    @Message
    String membersEmpty();

    @Message
    String addHeading();

    @Message
    String coachLabel();

    @Message
    String chooseCoach();

    @Message
    String addButton();

    @Message
    String noCandidates();

    @Message
    String renameHeading();

    @Message
    String renameButton();

    @Message
    String deleteLink();

    @Message
    String backToTeams();

    @Message
    String deleteTitle(String name);

    @Message
    String deleteWarning(long members, long grants);

    @Message
    String deleteCascade();

    @Message
    String deleteButton();

    @Message
    String keepTeam();
}
