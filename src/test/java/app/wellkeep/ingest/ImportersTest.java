package app.wellkeep.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each file of an export goes to the right importer, by its name and first bytes alone: no importer earlier in the
 * list claims another format's file. The fixtures lie where the real exports put them.
 */
class ImportersTest {

    static final Path FIXTURES = Path.of("src/test/resources/ingest");
    static final Importers IMPORTERS = new Importers();

    static Optional<Importer> claimant(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(Importer.HEAD_BYTES);
        }
        return IMPORTERS.find(FIXTURES.relativize(file).toString(), head);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"apple, apple-health", "fhir, fhir", "fitbit, fitbit-", "garmin, garmin-", "googlefit, google-fit-",
            "openmhealth/corpus/data-point, open-mhealth"})
    void everyFixtureGoesToItsOwnImporter(String folder, String format) throws IOException {
        int files = 0;
        try (Stream<Path> all = Files.walk(FIXTURES.resolve(folder))) {
            for (Path file : all.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".md")
                    && !f.getFileName().toString().equals("LICENSE") && !f.toString().contains("shouldFail"))
                    .toList()) {
                Optional<Importer> importer = claimant(file);
                assertTrue(importer.isPresent(), "no importer reads " + file);
                assertTrue(importer.get().format().startsWith(format),
                        file + " went to " + importer.get().format() + ", not " + format);
                files++;
            }
        }
        assertTrue(files > 0, "fixtures in " + folder);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"hostile/impossible.csv, csv", "hostile/future.csv, csv", "hostile/deep-datapoint.json, open-mhealth",
            "hostile/xxe-export.xml, apple-health"})
    void filesOfWellkeepsOwnFormatAndHostileOnesAreClaimedAsTheyClaimToBe(String file, String format)
            throws IOException {
        assertEquals(format, claimant(FIXTURES.resolve(file)).map(Importer::format).orElse(null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"hostile/garbage.csv", "hostile/not-a-format.txt", "hostile/deep.json"})
    void filesOfNoFormatAreClaimedByNone(String file) throws IOException {
        assertEquals(Optional.empty(), claimant(FIXTURES.resolve(file)));
    }
}
