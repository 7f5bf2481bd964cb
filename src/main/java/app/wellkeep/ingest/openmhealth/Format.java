package app.wellkeep.ingest.openmhealth;

/**
 * One body format Wellkeep reads: a schema of a namespace at one major version (minor versions only add optional
 * properties, so 2.0 and 2.1 read alike).
 *
 * @param variant the omh major version whose rules the body follows; an IEEE schema names the omh version it
 *            was aligned with
 * @param ieee whether the schema builds on IEEE 1752.1's time frame and descriptive statistic (no date and part of
 *            the day; the IEEE statistics)
 */
record Format(String namespace, String name, int major, int variant, Timing timing, boolean ieee, Reader reader) {

    /** Whether the schema has an effective time frame and of what kind. */
    enum Timing {
        /** Optional; without one the header's creation time is the reading's time. */
        OPTIONAL,
        /** Required, a moment or an interval. */
        REQUIRED,
        /** Required, and an interval: measures that accumulate (steps, sleep, energy). */
        INTERVAL
    }

    /** Reads a body of this format. */
    @FunctionalInterface
    interface Reader {

        Outcome read(Body body);
    }

    /** The type name a data point of this schema is counted under when skipped ("omh:step-count"). */
    String type() {
        return namespace + ":" + name;
    }
}
