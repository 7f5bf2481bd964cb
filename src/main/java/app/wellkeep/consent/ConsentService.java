package app.wellkeep.consent;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.coach.CareTeam;
import app.wellkeep.coach.CareTeamMember;
import app.wellkeep.consent.ConsentReceipt.Action;

/** A patient's side of sharing: finding a recipient by code, granting, changing and revoking, with receipts. */
@ApplicationScoped
public class ConsentService {

    /** Letters and digits that cannot be mistaken for one another when read aloud or typed from paper. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A grant with whom it goes to, and whether it applies now. */
    public record GrantView(ConsentGrant grant, Recipient recipient, boolean active, boolean expired) {
    }

    @Inject
    Clock clock;

    public LocalDate today(Person person) {
        return LocalDate.ofInstant(clock.instant(), person.zone());
    }

    /** The recipient a share code names; codes are read without regard to case, spaces or dashes. */
    @Transactional
    public Optional<Recipient> recipient(String code) {
        String normalised = normalise(code);
        if (normalised.length() != CODE_LENGTH) {
            return Optional.empty();
        }
        return ShareCode.<ShareCode>findByIdOptional(normalised).map(this::recipientOf);
    }

    /** The coach's own share code, created on first use. */
    @Transactional
    public String codeOfCoach(Person coach) {
        if (coach.role != Role.COACH) {
            throw new IllegalArgumentException("Only coaches have a share code");
        }
        return format(ShareCode.ofCoach(coach.id).orElseGet(() -> newCode(coach.id, null)).code);
    }

    /** The team's share code, created on first use. */
    @Transactional
    public String codeOfTeam(UUID teamId) {
        return format(ShareCode.ofTeam(teamId).orElseGet(() -> newCode(null, teamId)).code);
    }

    /**
     * Shares with the recipient of the code. An active grant to the same recipient is changed instead, so that a
     * patient never holds two overlapping grants to one recipient.
     */
    @Transactional
    public ConsentGrant grant(Person patient, String code, ConsentTerms terms) {
        Recipient recipient = recipient(code).orElseThrow(NotFoundException::new);
        Instant now = clock.instant();
        Optional<ConsentGrant> existing = ConsentGrant.<ConsentGrant>list("patientId = ?1 and "
                + (recipient.team() ? "teamId" : "coachId") + " = ?2", patient.id, recipient.id()).stream()
                .filter(g -> g.activeAt(now)).findFirst();
        if (existing.isPresent()) {
            return change(patient, existing.get().id, terms);
        }
        ConsentGrant grant = new ConsentGrant();
        grant.id = UUID.randomUUID();
        grant.patientId = patient.id;
        if (recipient.team()) {
            grant.teamId = recipient.id();
        } else {
            grant.coachId = recipient.id();
        }
        grant.createdAt = now;
        apply(patient, grant, terms, now);
        grant.persist();
        ConsentReceipt.of(grant, Action.GRANTED, recipient, now).persist();
        return grant;
    }

    @Transactional
    public ConsentGrant change(Person patient, UUID grantId, ConsentTerms terms) {
        ConsentGrant grant = ownedActive(patient, grantId);
        Instant now = clock.instant();
        apply(patient, grant, terms, now);
        ConsentReceipt.of(grant, Action.CHANGED, recipientOf(grant), now).persist();
        return grant;
    }

    /** Ends the grant now; the next request of the recipient is refused. */
    @Transactional
    public void revoke(Person patient, UUID grantId) {
        ConsentGrant grant = ownedActive(patient, grantId);
        Instant now = clock.instant();
        grant.revokedAt = now;
        grant.updatedAt = now;
        ConsentReceipt.of(grant, Action.REVOKED, recipientOf(grant), now).persist();
    }

    /**
     * Ends every grant in force to a coach or care team that is going away (a team deleted, a coach's account
     * erased), each with an ENDED receipt that names them, before they go: the patients keep the record of what they
     * agreed to, and a grant whose recipient is gone reaches no one. Returns how many grants ended.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int endAllTo(Recipient.Kind kind, UUID recipientId) {
        Instant now = clock.instant();
        List<ConsentGrant> grants = ConsentGrant.<ConsentGrant>list(
                (kind == Recipient.Kind.TEAM ? "teamId" : "coachId") + " = ?1 and revokedAt is null", recipientId)
                .stream().filter(g -> g.activeAt(now)).toList();
        if (grants.isEmpty()) {
            return 0;
        }
        Recipient recipient = kind == Recipient.Kind.TEAM ? team(recipientId) : coach(recipientId);
        for (ConsentGrant grant : grants) {
            grant.revokedAt = now;
            grant.updatedAt = now;
            ConsentReceipt.of(grant, Action.ENDED, recipient, now).persist();
        }
        // Written now, before the caller deletes the recipient: a later flush would write back the recipient the
        // database has just set to null.
        ConsentGrant.flush();
        return grants.size();
    }

    @Transactional
    public List<GrantView> grantsOf(Person patient) {
        Instant now = clock.instant();
        List<ConsentGrant> grants = ConsentGrant.ofPatient(patient.id);
        Map<UUID, Recipient> recipients = recipientsOf(grants);
        return grants.stream()
                .map(g -> new GrantView(g, recipients.get(g.id), g.activeAt(now),
                        g.revokedAt == null && !g.activeAt(now)))
                .toList();
    }

    @Transactional
    public GrantView activeGrant(Person patient, UUID grantId) {
        ConsentGrant grant = ownedActive(patient, grantId);
        return new GrantView(grant, recipientOf(grant), true, false);
    }

    @Transactional
    public List<ConsentReceipt> receiptsOf(Person patient) {
        return ConsentReceipt.ofPatient(patient.id);
    }

    /**
     * The sharing that ended without the patient doing anything (a coach's account or a care team closed, see
     * {@link #endAllTo}) since they last had their sharing page in front of them; oldest first.
     */
    @Transactional
    public List<ConsentReceipt> endedUnseen(Person patient) {
        Instant seen = patient.sharingSeenAt;
        return seen == null
                ? ConsentReceipt.list("patientId = ?1 and action = ?2 order by recordedAt", patient.id, Action.ENDED)
                : ConsentReceipt.list("patientId = ?1 and action = ?2 and recordedAt > ?3 order by recordedAt",
                        patient.id, Action.ENDED, seen);
    }

    /** The patient has their sharing page in front of them: what had ended until now is no longer news. */
    @Transactional
    public void sharingSeen(Person patient) {
        Person.update("sharingSeenAt = ?1 where id = ?2", clock.instant(), patient.id);
    }

    @Transactional
    public ConsentReceipt receipt(Person patient, UUID receiptId) {
        return ConsentReceipt.findOwned(patient.id, receiptId).orElseThrow(NotFoundException::new);
    }

    Recipient recipientOf(ConsentGrant grant) {
        return recipientsOf(List.of(grant)).get(grant.id);
    }

    /** The recipient of each grant, by grant id: four queries at most, however many grants. */
    private static Map<UUID, Recipient> recipientsOf(List<ConsentGrant> grants) {
        Map<UUID, Recipient> coaches = coaches(grants.stream().map(g -> g.coachId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<UUID, Recipient> teams = teams(grants.stream().map(g -> g.teamId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        // A recipient who has gone (see endAllTo) is shown as the grant's last receipt named them.
        List<UUID> gone = grants.stream().filter(g -> g.teamId == null && g.coachId == null).map(g -> g.id).toList();
        Map<UUID, Recipient> named = new HashMap<>();
        if (!gone.isEmpty()) {
            ConsentReceipt.<ConsentReceipt>list("grantId in ?1 order by recordedAt desc", gone)
                    .forEach(r -> named.putIfAbsent(r.grantId, new Recipient(Recipient.Kind.valueOf(r.recipientKind),
                            null, r.recipientName, List.of())));
        }
        Map<UUID, Recipient> recipients = new HashMap<>();
        for (ConsentGrant g : grants) {
            recipients.put(g.id, g.teamId != null
                    ? teams.get(g.teamId)
                    : g.coachId != null
                            ? coaches.get(g.coachId)
                            : named.getOrDefault(g.id, new Recipient(Recipient.Kind.TEAM, null, "", List.of())));
        }
        return recipients;
    }

    private Recipient recipientOf(ShareCode code) {
        return code.teamId != null ? team(code.teamId) : coach(code.coachId);
    }

    private static Recipient coach(UUID coachId) {
        return coaches(Set.of(coachId)).get(coachId);
    }

    private static Recipient team(UUID teamId) {
        return teams(Set.of(teamId)).get(teamId);
    }

    private static Map<UUID, Recipient> coaches(Set<UUID> ids) {
        Map<UUID, Recipient> coaches = new HashMap<>();
        if (!ids.isEmpty()) {
            Person.<Person>list("id in ?1", ids).forEach(coach -> coaches.put(coach.id,
                    new Recipient(Recipient.Kind.COACH, coach.id, coach.displayName, List.of())));
        }
        return coaches;
    }

    /** Teams with their members' names, in the database's order of names. */
    private static Map<UUID, Recipient> teams(Set<UUID> ids) {
        Map<UUID, Recipient> teams = new HashMap<>();
        if (ids.isEmpty()) {
            return teams;
        }
        Map<UUID, Set<UUID>> memberIds = new HashMap<>();
        CareTeamMember.<CareTeamMember>list("teamId in ?1", ids)
                .forEach(m -> memberIds.computeIfAbsent(m.teamId, t -> new HashSet<>()).add(m.personId));
        Set<UUID> everyMember = new HashSet<>();
        memberIds.values().forEach(everyMember::addAll);
        List<Person> members = everyMember.isEmpty()
                ? List.of()
                : Person.list("id in ?1 order by displayName", everyMember);
        for (CareTeam team : CareTeam.<CareTeam>list("id in ?1", ids)) {
            Set<UUID> of = memberIds.getOrDefault(team.id, Set.of());
            teams.put(team.id, new Recipient(Recipient.Kind.TEAM, team.id, team.name,
                    members.stream().filter(p -> of.contains(p.id)).map(p -> p.displayName).toList()));
        }
        return teams;
    }

    private ConsentGrant ownedActive(Person patient, UUID grantId) {
        ConsentGrant grant = ConsentGrant.findById(grantId);
        if (grant == null || !grant.patientId.equals(patient.id) || !grant.activeAt(clock.instant())) {
            throw new NotFoundException();
        }
        return grant;
    }

    private static void apply(Person patient, ConsentGrant grant, ConsentTerms terms, Instant now) {
        grant.terms = terms;
        grant.expiresAt = terms.expiresOn() == null
                ? null
                : terms.expiresOn().plusDays(1).atStartOfDay(patient.zone()).toInstant();
        grant.updatedAt = now;
    }

    private ShareCode newCode(UUID coachId, UUID teamId) {
        ShareCode code = new ShareCode();
        StringBuilder text = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            text.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        code.code = text.toString();
        code.coachId = coachId;
        code.teamId = teamId;
        code.createdAt = clock.instant();
        code.persist();
        return code;
    }

    static String normalise(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static String format(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }
}
