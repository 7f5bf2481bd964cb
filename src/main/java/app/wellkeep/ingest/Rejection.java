package app.wellkeep.ingest;

/**
 * Why one entry of a file was not imported. The file's other entries still are; the import history counts
 * rejections by reason and lists the rejected entries for download. Each reason has a text in the ingest bundle.
 */
public enum Rejection {

    /** A field the format requires is missing (no value, no time, no unit). */
    MISSING_FIELD,
    /** A field holds something the format does not allow (a word where a number goes, an unknown code). */
    INVALID_FIELD,
    /** The unit is not one that can be converted to the metric's unit. */
    UNKNOWN_UNIT,
    /** The time cannot be read. */
    BAD_TIME,
    /** The reading ends before it starts, or lasts longer than a reading can. */
    BAD_INTERVAL,
    /** The reading is dated after the moment of the import. */
    FUTURE,
    /** The value is outside what a living person can have (a heart rate of 900, negative steps). */
    IMPLAUSIBLE,
    /** A device sent an id it had used before for a different reading. */
    ID_REUSED
}
