package app.wellkeep.ingest.openmhealth;

import java.time.Instant;
import java.time.OffsetDateTime;

/** When a measure is effective: a moment ({@code start == end}) or an interval, with the offset it was written in. */
record TimeFrame(Instant start, Instant end, int utcOffsetSeconds) {

    static TimeFrame at(OffsetDateTime moment) {
        Instant instant = moment.toInstant();
        return new TimeFrame(instant, instant, moment.getOffset().getTotalSeconds());
    }

    boolean interval() {
        return !start.equals(end);
    }
}
