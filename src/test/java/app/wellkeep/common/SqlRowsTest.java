package app.wellkeep.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The array text written for PostgreSQL; that the server reads it is shown by every batch page's tests there. */
class SqlRowsTest {

    @Test
    void uuidsAndDatesAreWrittenAsAnArrayLiteral() {
        UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        UUID b = UUID.fromString("ffffffff-0000-4000-8000-000000000001");
        assertEquals("{00000000-0000-0000-0000-00000000000a,ffffffff-0000-4000-8000-000000000001}",
                SqlRows.arrayLiteral(List.of(a, b)));
        assertEquals("{2026-01-31,NULL,0999-12-01}",
                SqlRows.arrayLiteral(Arrays.asList(LocalDate.of(2026, 1, 31), null, LocalDate.of(999, 12, 1))));
        assertEquals("{}", SqlRows.arrayLiteral(List.of()));
        assertEquals("{0f3a,Z9}", SqlRows.arrayLiteral(List.of("0f3a", "Z9")));
    }

    @Test
    void textThatWouldNeedQuotingIsRefused() {
        for (String text : List.of("a,b", "", "a b", "\"a\"", "a\\", "{a}", "NULL", "null", "café")) {
            assertThrows(IllegalArgumentException.class, () -> SqlRows.arrayLiteral(List.of(text)), text);
        }
    }
}
