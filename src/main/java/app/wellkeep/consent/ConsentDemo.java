package app.wellkeep.consent;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import app.wellkeep.account.Person;
import app.wellkeep.coach.CareTeam;
import app.wellkeep.coach.CareTeamMember;
import app.wellkeep.consent.ConsentGrant.Window;

/**
 * The demo's sharing: a care team with the demo coach in it, and the demo patient sharing check-ins, activity,
 * heart and sleep of the last 90 days with that coach. Made once: a patient who later stops sharing stays stopped.
 */
@ApplicationScoped
public class ConsentDemo {

    public static final String TEAM_NAME = "Wellbeing team";

    @Inject
    ConsentService consent;

    @Transactional(TxType.MANDATORY)
    public void load(Person patient, Person coach, Instant now) {
        if (CareTeam.count("name", TEAM_NAME) == 0) {
            CareTeam team = new CareTeam();
            team.id = UUID.randomUUID();
            team.name = TEAM_NAME;
            team.createdAt = now;
            team.persist();
            CareTeamMember member = new CareTeamMember();
            member.teamId = team.id;
            member.personId = coach.id;
            member.joinedAt = now;
            member.persist();
            consent.codeOfTeam(team.id);
        }
        String code = consent.codeOfCoach(coach);
        if (ConsentGrant.count("patientId", patient.id) == 0) {
            consent.grant(patient, code, ConsentTerms.current(
                    EnumSet.of(Category.CHECK_INS, Category.ACTIVITY, Category.HEART, Category.SLEEP),
                    Window.LAST_DAYS, null, 90, null));
        }
    }
}
