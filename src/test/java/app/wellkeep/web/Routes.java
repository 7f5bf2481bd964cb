package app.wellkeep.web;

import java.util.List;

/**
 * Every route the app serves, with who may use it. The security tests walk this table, and
 * {@link RouteCoverageTest} fails when the app gains a route that is not in it.
 */
public final class Routes {

    public enum Access {
        PUBLIC, ANY_SIGNED_IN, PATIENT, COACH, ADMIN
    }

    /**
     * A route: its template (as declared), a concrete path to call, who may use it, and what the right role gets
     * for a bare request (no form fields: POSTs answer 422).
     */
    public record Route(String method, String path, String sample, Access access, boolean api, int allowedStatus) {

        public String key() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private static final String SOME_ID = "00000000-0000-4000-8000-000000000000";

    public static final List<Route> ALL = List.of(
            new Route("GET", "/", "/", Access.PUBLIC, false, 200),
            new Route("GET", "/home", "/home", Access.ANY_SIGNED_IN, false, 303),
            new Route("GET", "/profile", "/profile", Access.ANY_SIGNED_IN, false, 200),
            new Route("POST", "/profile", "/profile", Access.ANY_SIGNED_IN, false, 422),
            new Route("GET", "/dashboard", "/dashboard", Access.PATIENT, false, 200),
            new Route("GET", "/trends", "/trends", Access.PATIENT, false, 200),
            new Route("GET", "/trends/{slug}", "/trends/steps", Access.PATIENT, false, 200),
            new Route("GET", "/trends/heart-rate/days/{date}", "/trends/heart-rate/days/2026-05-01", Access.PATIENT,
                    false, 200),
            new Route("GET", "/goals", "/goals", Access.PATIENT, false, 200),
            new Route("POST", "/goals", "/goals", Access.PATIENT, false, 422),
            new Route("GET", "/check-in", "/check-in", Access.PATIENT, false, 200),
            new Route("POST", "/check-in", "/check-in", Access.PATIENT, false, 422),
            new Route("GET", "/check-in/history", "/check-in/history", Access.PATIENT, false, 200),
            new Route("GET", "/check-in/questionnaires/{id}", "/check-in/questionnaires/phq-2", Access.PATIENT, false,
                    200),
            new Route("POST", "/check-in/questionnaires/{id}", "/check-in/questionnaires/phq-2", Access.PATIENT, false,
                    422),
            new Route("GET", "/check-in/questionnaires/responses/{id}", "/check-in/questionnaires/responses/" + SOME_ID,
                    Access.PATIENT, false, 404),
            new Route("GET", "/check-in/reminders", "/check-in/reminders", Access.PATIENT, false, 200),
            new Route("POST", "/check-in/reminders", "/check-in/reminders", Access.PATIENT, false, 422),
            new Route("GET", "/reminders/unsubscribe", "/reminders/unsubscribe", Access.PUBLIC, false, 200),
            new Route("POST", "/reminders/unsubscribe", "/reminders/unsubscribe", Access.PUBLIC, false, 400),
            new Route("GET", "/sharing", "/sharing", Access.PATIENT, false, 200),
            new Route("GET", "/sharing/connect", "/sharing/connect", Access.PATIENT, false, 200),
            new Route("POST", "/sharing/review", "/sharing/review", Access.PATIENT, false, 404),
            new Route("POST", "/sharing/form", "/sharing/form", Access.PATIENT, false, 404),
            new Route("POST", "/sharing/grants", "/sharing/grants", Access.PATIENT, false, 404),
            new Route("GET", "/sharing/grants/{id}/edit", "/sharing/grants/" + SOME_ID + "/edit", Access.PATIENT,
                    false, 404),
            new Route("GET", "/sharing/grants/{id}/revoke", "/sharing/grants/" + SOME_ID + "/revoke", Access.PATIENT,
                    false, 404),
            new Route("POST", "/sharing/grants/{id}/revoke", "/sharing/grants/" + SOME_ID + "/revoke", Access.PATIENT,
                    false, 404),
            new Route("GET", "/sharing/receipts/{id}/text", "/sharing/receipts/" + SOME_ID + "/text", Access.PATIENT,
                    false, 404),
            new Route("GET", "/sharing/receipts/{id}/fhir", "/sharing/receipts/" + SOME_ID + "/fhir", Access.PATIENT,
                    false, 404),
            new Route("GET", "/sharing/access-log", "/sharing/access-log", Access.PATIENT, false, 200),
            new Route("GET", "/care-team", "/care-team", Access.COACH, false, 200),
            new Route("POST", "/care-team/tags/{patientId}", "/care-team/tags/" + SOME_ID, Access.COACH, false, 404),
            new Route("GET", "/care-team/patients/{id}", "/care-team/patients/" + SOME_ID, Access.ANY_SIGNED_IN,
                    false, 404),
            new Route("GET", "/care-team/patients/{id}/trends/{slug}", "/care-team/patients/" + SOME_ID
                    + "/trends/steps", Access.ANY_SIGNED_IN, false, 404),
            new Route("GET", "/care-team/patients/{id}/trends/heart-rate/days/{date}", "/care-team/patients/"
                    + SOME_ID + "/trends/heart-rate/days/2026-05-01", Access.ANY_SIGNED_IN, false, 404),
            new Route("GET", "/care-team/patients/{id}/alerts", "/care-team/patients/" + SOME_ID + "/alerts",
                    Access.ANY_SIGNED_IN, false, 404),
            new Route("GET", "/care-team/patients/{id}/thresholds", "/care-team/patients/" + SOME_ID
                    + "/thresholds", Access.ANY_SIGNED_IN, false, 404),
            new Route("POST", "/care-team/patients/{id}/thresholds", "/care-team/patients/" + SOME_ID
                    + "/thresholds", Access.ANY_SIGNED_IN, false, 404),
            new Route("GET", "/care-team/triage", "/care-team/triage", Access.COACH, false, 200),
            new Route("POST", "/care-team/check-ins/{checkinId}/review", "/care-team/check-ins/" + SOME_ID + "/review",
                    Access.COACH, false, 404),
            new Route("POST", "/care-team/check-ins/{checkinId}/review/undo",
                    "/care-team/check-ins/" + SOME_ID + "/review/undo", Access.COACH, false, 404),
            new Route("POST", "/care-team/check-ins/{checkinId}/feedback",
                    "/care-team/check-ins/" + SOME_ID + "/feedback", Access.COACH, false, 404),
            new Route("GET", "/care-team/patients/{id}/check-ins", "/care-team/patients/" + SOME_ID + "/check-ins",
                    Access.ANY_SIGNED_IN, false, 404),
            new Route("GET", "/care-team/patients/{id}/notes", "/care-team/patients/" + SOME_ID + "/notes",
                    Access.ANY_SIGNED_IN, false, 404),
            new Route("POST", "/care-team/patients/{id}/notes", "/care-team/patients/" + SOME_ID + "/notes",
                    Access.ANY_SIGNED_IN, false, 404),
            new Route("GET", "/care-team/outreach", "/care-team/outreach", Access.COACH, false, 200),
            new Route("GET", "/care-team/outreach/policy", "/care-team/outreach/policy", Access.COACH, false, 200),
            new Route("POST", "/care-team/outreach/policy", "/care-team/outreach/policy", Access.COACH, false, 422),
            new Route("GET", "/care-team/patients/{id}/outreach", "/care-team/patients/" + SOME_ID + "/outreach",
                    Access.ANY_SIGNED_IN, false, 404),
            new Route("POST", "/care-team/patients/{id}/outreach", "/care-team/patients/" + SOME_ID + "/outreach",
                    Access.ANY_SIGNED_IN, false, 404),
            new Route("GET", "/admin", "/admin", Access.ADMIN, false, 200),
            new Route("GET", "/admin/teams", "/admin/teams", Access.ADMIN, false, 200),
            new Route("POST", "/admin/teams", "/admin/teams", Access.ADMIN, false, 422),
            new Route("GET", "/admin/teams/{id}", "/admin/teams/" + SOME_ID, Access.ADMIN, false, 404),
            new Route("POST", "/admin/teams/{id}", "/admin/teams/" + SOME_ID, Access.ADMIN, false, 404),
            new Route("POST", "/admin/teams/{id}/members", "/admin/teams/" + SOME_ID + "/members", Access.ADMIN,
                    false, 404),
            new Route("POST", "/admin/teams/{id}/members/{personId}/remove",
                    "/admin/teams/" + SOME_ID + "/members/" + SOME_ID + "/remove", Access.ADMIN, false, 404),
            new Route("GET", "/admin/teams/{id}/delete", "/admin/teams/" + SOME_ID + "/delete", Access.ADMIN, false,
                    404),
            new Route("POST", "/admin/teams/{id}/delete", "/admin/teams/" + SOME_ID + "/delete", Access.ADMIN, false,
                    404),
            new Route("GET", "/admin/audit", "/admin/audit", Access.ADMIN, false, 200),
            new Route("GET", "/privacy", "/privacy", Access.PATIENT, false, 200),
            new Route("POST", "/privacy/exports", "/privacy/exports", Access.PATIENT, false, 422),
            new Route("GET", "/privacy/exports/{id}", "/privacy/exports/" + SOME_ID, Access.PATIENT, false, 404),
            new Route("GET", "/privacy/exports/{id}/status", "/privacy/exports/" + SOME_ID + "/status",
                    Access.PATIENT, false, 404),
            new Route("GET", "/privacy/exports/{id}/download", "/privacy/exports/" + SOME_ID + "/download",
                    Access.PATIENT, false, 404),
            new Route("GET", "/privacy/erase", "/privacy/erase", Access.PATIENT, false, 200),
            new Route("POST", "/privacy/erase", "/privacy/erase", Access.PATIENT, false, 422),
            new Route("GET", "/privacy/erased", "/privacy/erased", Access.PUBLIC, false, 200),
            new Route("GET", "/readings", "/readings", Access.PATIENT, false, 200),
            new Route("GET", "/readings/new", "/readings/new", Access.PATIENT, false, 200),
            new Route("POST", "/readings", "/readings", Access.PATIENT, false, 422),
            new Route("GET", "/readings/{id}/edit", "/readings/" + SOME_ID + "/edit", Access.PATIENT, false, 404),
            new Route("POST", "/readings/{id}", "/readings/" + SOME_ID, Access.PATIENT, false, 404),
            new Route("GET", "/readings/{id}/delete", "/readings/" + SOME_ID + "/delete", Access.PATIENT, false,
                    404),
            new Route("POST", "/readings/{id}/delete", "/readings/" + SOME_ID + "/delete", Access.PATIENT, false,
                    404),
            new Route("GET", "/monitoring", "/monitoring", Access.PATIENT, false, 200),
            new Route("POST", "/monitoring/alerts/{id}/acknowledge", "/monitoring/alerts/" + SOME_ID + "/acknowledge",
                    Access.PATIENT, false, 404),
            new Route("GET", "/monitoring/thresholds", "/monitoring/thresholds", Access.PATIENT, false, 200),
            new Route("POST", "/monitoring/thresholds", "/monitoring/thresholds", Access.PATIENT, false, 422),
            new Route("GET", "/imports", "/imports", Access.PATIENT, false, 200),
            new Route("POST", "/imports", "/imports", Access.PATIENT, false, 422),
            new Route("GET", "/imports/template.csv", "/imports/template.csv", Access.PATIENT, false, 200),
            new Route("GET", "/imports/{id}", "/imports/" + SOME_ID, Access.PATIENT, false, 404),
            new Route("GET", "/imports/{id}/status", "/imports/" + SOME_ID + "/status", Access.PATIENT, false, 404),
            new Route("GET", "/imports/{id}/rejected.csv", "/imports/" + SOME_ID + "/rejected.csv", Access.PATIENT,
                    false, 404),
            new Route("GET", "/imports/{id}/delete", "/imports/" + SOME_ID + "/delete", Access.PATIENT, false, 404),
            new Route("POST", "/imports/{id}/delete", "/imports/" + SOME_ID + "/delete", Access.PATIENT, false, 404),
            new Route("GET", "/api/me", "/api/me", Access.ANY_SIGNED_IN, true, 200),
            new Route("POST", "/api/imports", "/api/imports", Access.PATIENT, true, 415),
            new Route("GET", "/api/imports", "/api/imports", Access.PATIENT, true, 200),
            new Route("GET", "/api/imports/{id}", "/api/imports/" + SOME_ID, Access.PATIENT, true, 404),
            new Route("DELETE", "/api/imports/{id}", "/api/imports/" + SOME_ID, Access.PATIENT, true, 404),
            new Route("POST", "/api/devices/readings", "/api/devices/readings", Access.PATIENT, true, 415),
            new Route("GET", "/api/check-ins", "/api/check-ins", Access.PATIENT, true, 200),
            new Route("GET", "/api/vitals/{slug}/daily", "/api/vitals/steps/daily", Access.PATIENT, true, 200),
            new Route("GET", "/api/vitals/heart-rate/samples", "/api/vitals/heart-rate/samples?date=2026-05-01",
                    Access.PATIENT, true, 200),
            new Route("GET", "/api/questionnaire-responses", "/api/questionnaire-responses", Access.PATIENT, true,
                    200),
            new Route("GET", "/api/patients/{patientId}/check-ins", "/api/patients/" + SOME_ID + "/check-ins",
                    Access.ANY_SIGNED_IN, true, 404),
            new Route("GET", "/api/patients/{patientId}/questionnaire-responses",
                    "/api/patients/" + SOME_ID + "/questionnaire-responses", Access.ANY_SIGNED_IN, true, 404),
            new Route("GET", "/api/alerts", "/api/alerts", Access.PATIENT, true, 200),
            new Route("POST", "/api/alerts/{id}/acknowledge", "/api/alerts/" + SOME_ID + "/acknowledge",
                    Access.PATIENT, true, 404));

    /**
     * Routes open to people other than the patient that serve no patient's data; each was reviewed for that. Every
     * other route open beyond patients must be in the consent matrix ({@code ConsentMatrixTest}).
     */
    public static final List<String> NO_PATIENT_DATA = List.of("GET /", "GET /home", "GET /profile", "POST /profile",
            "GET /reminders/unsubscribe", "POST /reminders/unsubscribe", "GET /admin", "GET /admin/audit",
            "GET /privacy/erased",
            // The windows a coach sets; the team pages count members and sharing patients, and name no patient.
            "GET /care-team/outreach/policy", "POST /care-team/outreach/policy", "GET /admin/teams",
            "POST /admin/teams", "GET /admin/teams/{id}", "POST /admin/teams/{id}", "POST /admin/teams/{id}/members",
            "POST /admin/teams/{id}/members/{personId}/remove", "GET /admin/teams/{id}/delete",
            "POST /admin/teams/{id}/delete",
            "GET /api/me");

    /** Routes that exist only in the test build, to exercise error handling and CSRF. */
    public static final List<String> TEST_ONLY_PREFIXES = List.of("/test-support/");

    private Routes() {
    }
}
