package app.wellkeep.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSV cells: quoted where needed, and never run as a formula by a spreadsheet. */
class CsvZipWriterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"plain|plain", "=1+2|'=1+2", "+49 30|'+49 30",
            "-3|'-3", "@SUM(A1)|'@SUM(A1)", "a,b|`\"a,b\"`", "say \"hi\"|`\"say \"\"hi\"\"\"`",
            "=A1,B1|`\"'=A1,B1\"`", "1=1|1=1"})
    void cellsAreQuotedAndNeutralised(String value, String cell) {
        assertEquals(cell, CsvZipWriter.cell(value));
    }

    @Test
    void tabsLineBreaksAndNothing() {
        assertEquals("'\tx", CsvZipWriter.cell("\tx"));
        assertEquals("\"'\rx\"", CsvZipWriter.cell("\rx"));
        assertEquals("\"two\nlines\"", CsvZipWriter.cell("two\nlines"));
        assertEquals("", CsvZipWriter.cell(null));
        assertEquals("3", CsvZipWriter.cell(3));
    }

    @Test
    void oneFilePerTableWithItsHeaderOnce() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvZipWriter writer = new CsvZipWriter(out);
        writer.row("a", List.of("x", "y"), List.of(1, "=2"));
        writer.row("a", List.of("x", "y"), List.of(3, "4"));
        writer.row("b", List.of("z"), Arrays.asList((Object) null));
        writer.finish();
        Map<String, String> files = unzip(out.toByteArray());
        assertEquals(Map.of("a.csv", "x,y\r\n1,'=2\r\n3,4\r\n", "b.csv", "z\r\n\r\n"), files);
        assertEquals(List.of("a.csv", "b.csv"), List.copyOf(files.keySet()), "in the order the tables came");
    }

    @Test
    void eachTableIsWrittenOutBeforeTheNextBegins() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvZipWriter writer = new CsvZipWriter(out);
        for (int i = 0; i < 20_000; i++) {
            writer.row("a", List.of("x", "id"),
                    List.of(i, UUID.nameUUIDFromBytes(new byte[]{(byte) i, (byte) (i >> 8)})));
        }
        writer.row("b", List.of("z"), List.of(1));
        // Ids hardly compress: some 20 bytes a row, all of them written out rather than held until the end.
        assertTrue(out.size() > 256 << 10, "the first table is in the stream already: " + out.size() + " bytes");
    }

    @Test
    void aTableCannotStartAgainOnceAnotherHasBegun() {
        CsvZipWriter writer = new CsvZipWriter(new ByteArrayOutputStream());
        writer.row("a", List.of("x"), List.of(1));
        writer.row("b", List.of("z"), List.of(2));
        assertThrows(IllegalStateException.class, () -> writer.row("a", List.of("x"), List.of(3)));
    }

    @Test
    void tableNamesAndHeadersAreChecked() {
        CsvZipWriter writer = new CsvZipWriter(new ByteArrayOutputStream());
        assertThrows(IllegalArgumentException.class, () -> writer.row("../evil", List.of("x"), List.of(1)));
        writer.row("a", List.of("x"), List.of(1));
        assertThrows(IllegalArgumentException.class, () -> writer.row("a", List.of("y"), List.of(1)));
        assertThrows(IllegalArgumentException.class, () -> writer.row("a", List.of("x"), List.of(1, 2)));
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
