package app.wellkeep.ingest;

import java.time.ZoneId;

/**
 * What an importer knows about the file it reads: its name (inside an archive, its path there) and the zone of the
 * person importing it, for formats that write local times without an offset.
 */
public record ImportContext(String fileName, ZoneId zone) {
}
