package app.wellkeep.ingest.fhir;

import java.time.Instant;

/** When an Observation applies: a moment ({@code start == end}) or an interval, and the offset it was written at. */
record Span(Instant start, Instant end, int utcOffsetSeconds) {
}
