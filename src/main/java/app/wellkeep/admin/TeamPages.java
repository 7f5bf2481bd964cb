package app.wellkeep.admin;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Role;
import app.wellkeep.coach.CareTeamService;
import app.wellkeep.coach.CareTeamService.Candidate;
import app.wellkeep.coach.CareTeamService.Member;
import app.wellkeep.coach.CareTeamService.Summary;

/** Care teams for administrators: create, rename, members in and out, delete after a confirmation. */
@Path("/admin/teams")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class TeamPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance teams(List<Summary> teams, TeamNameForm form, String done);

        static native TemplateInstance team(Summary team, TeamNameForm form, List<Member> members,
                List<Candidate> candidates, String memberError, String done);

        static native TemplateInstance delete(Summary team, long grants);
    }

    @Inject
    CurrentPerson current;

    @Inject
    CareTeamService teams;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String csrfField;

    @GET
    public TemplateInstance list(@QueryParam("done") String done) {
        current.person();
        return Templates.teams(teams.teams(), TeamNameForm.of(""), flash(done));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> fields) {
        current.person();
        TeamNameForm form = checked(TeamNameForm.parse(fields, csrfField), null);
        if (!form.valid()) {
            return Response.status(422).entity(Templates.teams(teams.teams(), form, null)).build();
        }
        UUID id = teams.create(form.name());
        return Response.seeOther(URI.create("/admin/teams/" + id + "?done=created")).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance team(@PathParam("id") UUID id, @QueryParam("done") String done) {
        current.person();
        Summary team = teams.team(id).orElseThrow(NotFoundException::new);
        return page(team, TeamNameForm.of(team.name()), null, flash(done));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        current.person();
        Summary team = teams.team(id).orElseThrow(NotFoundException::new);
        TeamNameForm form = checked(TeamNameForm.parse(fields, csrfField), id);
        if (!form.valid()) {
            return Response.status(422).entity(page(team, form, null, null)).build();
        }
        teams.rename(id, form.name());
        return Response.seeOther(URI.create("/admin/teams/" + id + "?done=renamed")).build();
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        current.person();
        Summary team = teams.team(id).orElseThrow(NotFoundException::new);
        UUID person = null;
        List<String> chosen = fields.get("person");
        if (chosen != null && chosen.size() == 1) {
            try {
                person = UUID.fromString(chosen.get(0).strip());
            } catch (IllegalArgumentException e) {
                person = null;
            }
        }
        if (person == null || !teams.addMember(id, person)) {
            return Response.status(422).entity(page(team, TeamNameForm.of(team.name()), "chooseCoach", null))
                    .build();
        }
        return Response.seeOther(URI.create("/admin/teams/" + id + "?done=added")).build();
    }

    @POST
    @Path("{id}/members/{personId}/remove")
    public Response removeMember(@PathParam("id") UUID id, @PathParam("personId") UUID personId) {
        current.person();
        if (!teams.removeMember(id, personId)) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create("/admin/teams/" + id + "?done=removed")).build();
    }

    @GET
    @Path("{id}/delete")
    public TemplateInstance confirmDelete(@PathParam("id") UUID id) {
        current.person();
        Summary team = teams.team(id).orElseThrow(NotFoundException::new);
        return Templates.delete(team, teams.activeGrants(id));
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("id") UUID id) {
        current.person();
        if (!teams.delete(id)) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create("/admin/teams?done=deleted")).build();
    }

    /** The form with an error for a name another team has. */
    private TeamNameForm checked(TeamNameForm form, UUID self) {
        if (form.valid() && teams.nameTaken(form.name(), self)) {
            HashMap<String, String> errors = new HashMap<>(form.errors());
            errors.put("name", "taken");
            return new TeamNameForm(form.raw(), errors, null);
        }
        return form;
    }

    private TemplateInstance page(Summary team, TeamNameForm form, String memberError, String done) {
        return Templates.team(team, form, teams.members(team.id()), teams.candidates(team.id()), memberError, done);
    }

    /** Only the flash messages the pages know; anything else in the query shows none. */
    private static String flash(String done) {
        return done != null && List.of("created", "renamed", "added", "removed", "deleted").contains(done)
                ? done
                : null;
    }
}
