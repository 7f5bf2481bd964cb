package app.wellkeep.consent;

import java.util.List;
import java.util.UUID;

/** Whom a patient shares with: one coach, or a care team and its members at the time of asking. */
public record Recipient(Kind kind, UUID id, String name, List<String> members) {

    public enum Kind {
        COACH, TEAM
    }

    public boolean team() {
        return kind == Kind.TEAM;
    }
}
