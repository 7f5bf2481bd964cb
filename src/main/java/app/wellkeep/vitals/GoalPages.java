package app.wellkeep.vitals;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;

/** The goals a patient sets for themself: steps a day, sleep a night, a target weight. */
@Path("/goals")
@RolesAllowed(Role.PATIENT_NAME)
@Produces(MediaType.TEXT_HTML)
public class GoalPages {

    /** The bounds the form states, with the weight ones in the person's unit. */
    public record Bounds(int stepsMin, int stepsMax, int sleepMin, int sleepMax, String weightMin, String weightMax,
            String weightUnit) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance goals(GoalForm form, Bounds bounds, boolean saved);
    }

    @Inject
    CurrentPerson current;

    @Inject
    Goals goals;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String csrfField;

    @GET
    public TemplateInstance show(@QueryParam("saved") boolean saved) {
        Person person = current.person();
        UnitView weight = UnitView.of(person, Metric.WEIGHT);
        return Templates.goals(GoalForm.of(goals.of(person), weight), bounds(weight), saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> fields) {
        Person person = current.person();
        UnitView weight = UnitView.of(person, Metric.WEIGHT);
        GoalForm form = GoalForm.parse(fields, csrfField, weight);
        if (!form.valid()) {
            return Response.status(422).entity(Templates.goals(form, bounds(weight), false)).build();
        }
        goals.save(person.id, form.targets());
        return Response.seeOther(URI.create("/goals?saved=true")).build();
    }

    private static Bounds bounds(UnitView weight) {
        return new Bounds(GoalForm.STEPS_MIN, GoalForm.STEPS_MAX, GoalForm.SLEEP_HOURS_MIN, GoalForm.SLEEP_HOURS_MAX,
                weight.format(GoalForm.WEIGHT_MIN_KG), weight.format(GoalForm.WEIGHT_MAX_KG),
                TrendPages.unitLabel(weight.ucum()));
    }
}
