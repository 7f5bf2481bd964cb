package app.wellkeep.account;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Everyone who signs in: patients, coaches, admins. Created from the identity token on first sign-in;
 * Keycloak stays the owner of credentials, this row is what the rest of the app links to.
 */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The OIDC subject ("sub") from Keycloak; stable for the account's life. */
    @Column(nullable = false, unique = true, length = 255)
    public String subject;

    @Column(name = "display_name", nullable = false, length = 200)
    public String displayName;

    /** True once the person chose their name on the profile page: signing in then leaves it alone. */
    @Column(name = "display_name_chosen", nullable = false)
    public boolean displayNameChosen;

    @Column(length = 320)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Role role;

    /** IANA time zone id; days (check-ins, daily totals, reminders) are counted in it. */
    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;

    /** Units the person reads their numbers in (UCUM codes); readings are stored in base units regardless. */
    @Column(name = "weight_unit", nullable = false, length = 16)
    public String weightUnit = "kg";

    @Column(name = "glucose_unit", nullable = false, length = 16)
    public String glucoseUnit = "mg/dL";

    @Column(name = "temperature_unit", nullable = false, length = 16)
    public String temperatureUnit = "Cel";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    /** When the person last had their sharing page in front of them; null before the first time. */
    @Column(name = "sharing_seen_at")
    public Instant sharingSeenAt;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public static Optional<Person> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }
}
