package app.wellkeep.coach;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.checkin.CheckInService;
import app.wellkeep.consent.ConsentGate;
import app.wellkeep.consent.ConsentGate.SharedPatient;
import app.wellkeep.consent.ConsentService;

/**
 * The care-team workspace: who shares with me, my share codes, and one patient as far as they share. Every read of
 * patient data here goes through {@link ConsentGate}.
 */
@Path("/care-team")
public class CareTeamPages {

    static final Locale LOCALE = Locale.ENGLISH;

    /** A share code with the invitation link that fills it in. */
    public record Invitation(String name, boolean team, String code, String link) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance home(String name, List<SharedPatient> roster, List<Invitation> invitations);
    }

    @Inject
    CurrentPerson current;

    @Inject
    ConsentGate gate;

    @Inject
    ConsentService consent;

    @Inject
    CheckInService checkIns;

    @ConfigProperty(name = "wellkeep.public-url")
    String publicUrl;

    @GET
    @RolesAllowed(Role.COACH_NAME)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        Person coach = current.person();
        List<SharedPatient> roster = QuarkusTransaction.requiringNew().call(() -> gate.roster(coach));
        List<Invitation> invitations = new ArrayList<>();
        invitations.add(invitation(coach.displayName, false, consent.codeOfCoach(coach)));
        for (CareTeam team : CareTeam.ofMember(coach.id)) {
            invitations.add(invitation(team.name, true, consent.codeOfTeam(team.id)));
        }
        return Templates.home(coach.displayName, roster, invitations);
    }

    private Invitation invitation(String name, boolean team, String code) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return new Invitation(name, team, code, base + "/sharing/connect?code=" + code);
    }

    static String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LOCALE).format(date);
    }
}
