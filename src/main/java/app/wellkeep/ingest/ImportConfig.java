package app.wellkeep.ingest;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The limits an upload is held to, and how the import worker keeps its jobs alive. */
@ConfigMapping(prefix = "wellkeep.imports")
public interface ImportConfig {

    /** The largest upload accepted, in bytes: a heavy user's Apple Health export.zip is some hundreds of MB. */
    @WithDefault("1073741824")
    long maxUploadBytes();

    /** The most files an archive may hold: a Fitbit archive of years has tens of thousands of daily files. */
    @WithDefault("100000")
    int maxEntries();

    /** The most an archive may unpack to, all its files together. */
    @WithDefault("8589934592")
    long maxUnpackedBytes();

    /** How much smaller than its content a file in an archive may be; real exports compress 5 to 30 times. */
    @WithDefault("200")
    int maxCompressionRatio();

    /** The rejected entries kept for the patient to download; every rejection is still counted. */
    @WithDefault("10000")
    int keptRejections();

    /**
     * Readings an import holds in memory before it writes them aside (staged): some 24 bytes each, so about 30 MB.
     * An import of fewer is published straight from memory.
     */
    @WithDefault("1000000")
    int stageEvery();

    /** How long a running import may go without a sign of life before another worker takes it over. */
    @WithDefault("5m")
    Duration lease();

    /** How often an import is tried before it is marked failed. */
    @WithDefault("3")
    int maxAttempts();
}
