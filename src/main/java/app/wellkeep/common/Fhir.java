package app.wellkeep.common;

/** Where Wellkeep's own FHIR definitions (code systems, extensions, questionnaires) are named. */
public final class Fhir {

    /** Canonical base of the app's FHIR artefacts; a name, not a server that answers. */
    public static final String BASE = "https://wellkeep.app/fhir/";

    private Fhir() {
    }
}
