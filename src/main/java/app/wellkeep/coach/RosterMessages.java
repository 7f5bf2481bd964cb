package app.wellkeep.coach;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the roster and its tags; in {@code messages/roster_<locale>.properties}. */
@MessageBundle(value = "roster", locale = "en")
public interface RosterMessages {

    @Message
    String rosterLead();

    @Message
    String rosterCaption();

    @Message
    String sortedBy(String column, boolean desc);

    @Message
    String rosterRange(int from, int to, int total);

    @Message
    String rosterRangeOfAll(int from, int to, int total, int everyone);

    @Message
    String rosterNoMatch();

    @Message
    String rosterClearFilters();

    @Message
    String columnName();

    @Message
    String columnShares();

    @Message
    String columnLastCheckIn();

    @Message
    String columnDataAge();

    @Message
    String columnAdherence7();

    @Message
    String columnAdherence30();

    @Message
    String columnAlerts();

    @Message
    String columnReviewed();

    @Message
    String columnTags();

    @Message
    String notShared();

    @Message
    String none();

    @Message
    String noData();

    @Message
    String daysAgo(int days);

    @Message
    String adherence(int percent, int done, int days);

    @Message
    String filtersHeading();

    @Message
    String filterName();

    @Message
    String filterTag();

    @Message
    String filterAnyTag();

    @Message
    String filterShares();

    @Message
    String filterAnyCategory();

    @Message
    String filterAlerts();

    @Message
    String filterBelow();

    @Message
    String filterApply();

    @Message
    String pagesLabel();

    @Message
    String pagePrevious();

    @Message
    String pageNext();

    @Message
    String pageNumber(int number);

    @Message
    String pageCurrent(int number);

    @Message
    String tagAddLabel(String name);

    @Message
    String tagAdd();

    @Message
    String tagRemove(String tag, String name);

    @Message
    String tagHint();

    @Message
    String tagAdded();

    @Message
    String tagRemoved();

    @Message
    String tagErrorSummary();

    @Message
    String tagError(String key);
}
