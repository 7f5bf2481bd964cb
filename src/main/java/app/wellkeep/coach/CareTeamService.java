package app.wellkeep.coach;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.wellkeep.account.PersonService;
import app.wellkeep.consent.ConsentService;
import app.wellkeep.consent.Recipient;

/**
 * Care teams as an administrator keeps them: creating, renaming, members, deleting. Membership is read by the consent
 * gate on every request, so a change here applies to what a coach may see from their very next page.
 */
@ApplicationScoped
public class CareTeamService {

    public static final int NAME_MAX = 120;

    /** A team with how many coaches it has and how many patients share with it now. */
    public record Summary(UUID id, String name, long members, long patients) {
    }

    public record Member(UUID personId, String name, String email, Instant joinedAt) {
    }

    /** A coach who could join a team. */
    public record Candidate(UUID id, String name, String email) {
    }

    @Inject
    Clock clock;

    @Inject
    PersonService persons;

    @Inject
    ConsentService consent;

    /** Every team by name, with its counts (three queries, whatever the number of teams). */
    @Transactional
    public List<Summary> teams() {
        Instant now = clock.instant();
        Map<UUID, Long> members = counts(CareTeam.getEntityManager()
                .createQuery("select m.teamId, count(m) from CareTeamMember m group by m.teamId", Object[].class)
                .getResultList());
        Map<UUID, Long> patients = counts(CareTeam.getEntityManager().createQuery("select g.teamId, "
                + "count(distinct g.patientId) from ConsentGrant g where g.teamId is not null and g.revokedAt is null "
                + "and (g.expiresAt is null or g.expiresAt > ?1) group by g.teamId", Object[].class)
                .setParameter(1, now).getResultList());
        return CareTeam.<CareTeam>list("order by name, id").stream()
                .map(t -> new Summary(t.id, t.name, members.getOrDefault(t.id, 0L), patients.getOrDefault(t.id, 0L)))
                .toList();
    }

    private static Map<UUID, Long> counts(List<Object[]> rows) {
        Map<UUID, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put((UUID) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    @Transactional
    public Optional<Summary> team(UUID id) {
        return teams().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Whether another team has this name, ignoring case and the spaces around it. */
    @Transactional
    public boolean nameTaken(String name, UUID except) {
        return CareTeam.count("lower(name) = ?1 and id <> ?2", name.strip().toLowerCase(),
                except == null ? new UUID(0, 0) : except) > 0;
    }

    @Transactional
    public UUID create(String name) {
        CareTeam team = new CareTeam();
        team.id = UUID.randomUUID();
        team.name = name.strip();
        team.createdAt = clock.instant();
        team.persist();
        return team.id;
    }

    @Transactional
    public boolean rename(UUID id, String name) {
        CareTeam team = CareTeam.findById(id);
        if (team == null) {
            return false;
        }
        team.name = name.strip();
        return true;
    }

    /** The members by name; only coaches can be members, so their names come from the list of coaches. */
    @Transactional
    public List<Member> members(UUID teamId) {
        Map<UUID, Instant> joined = new HashMap<>();
        CareTeamMember.ofTeam(teamId).forEach(m -> joined.put(m.personId, m.joinedAt));
        return persons.coaches().stream().filter(p -> joined.containsKey(p.id))
                .map(p -> new Member(p.id, p.displayName, p.email, joined.get(p.id))).toList();
    }

    /** Coaches not in the team yet. */
    @Transactional
    public List<Candidate> candidates(UUID teamId) {
        Set<UUID> members = CareTeamMember.ofTeam(teamId).stream().map(m -> m.personId).collect(Collectors.toSet());
        return persons.coaches().stream().filter(p -> !members.contains(p.id))
                .map(p -> new Candidate(p.id, p.displayName, p.email)).toList();
    }

    /** Adds a coach to the team; false when the person is not a coach or already a member. */
    @Transactional
    public boolean addMember(UUID teamId, UUID personId) {
        boolean coach = persons.coaches().stream().anyMatch(p -> p.id.equals(personId));
        if (!coach || CareTeam.findById(teamId) == null
                || CareTeamMember.count("teamId = ?1 and personId = ?2", teamId, personId) > 0) {
            return false;
        }
        CareTeamMember member = new CareTeamMember();
        member.teamId = teamId;
        member.personId = personId;
        member.joinedAt = clock.instant();
        member.persist();
        return true;
    }

    @Transactional
    public boolean removeMember(UUID teamId, UUID personId) {
        return CareTeamMember.delete("teamId = ?1 and personId = ?2", teamId, personId) > 0;
    }

    /** How many grants of patients to the team are still in force: they end when the team is deleted. */
    @Transactional
    public long activeGrants(UUID teamId) {
        return CareTeam.getEntityManager().createQuery("select count(g) from ConsentGrant g where g.teamId = ?1 and "
                + "g.revokedAt is null and (g.expiresAt is null or g.expiresAt > ?2)", Long.class)
                .setParameter(1, teamId).setParameter(2, clock.instant()).getSingleResult();
    }

    /**
     * Deletes the team. Its patients' grants to it end at once, each with a receipt, and stay with the patients as
     * their record; the database removes the memberships, share code, notes, outreach policy and log (ON DELETE
     * CASCADE) and takes the team off the ended grants (ON DELETE SET NULL).
     */
    @Transactional
    public boolean delete(UUID teamId) {
        if (CareTeam.findById(teamId) == null) {
            return false;
        }
        consent.endAllTo(Recipient.Kind.TEAM, teamId);
        return CareTeam.delete("id", teamId) > 0;
    }
}
