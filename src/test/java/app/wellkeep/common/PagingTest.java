package app.wellkeep.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagingTest {

    @ParameterizedTest(name = "{0} lines, page {1} asked: page {2} of {3}, lines {4} to {5}")
    @CsvSource({
            "0, 1, 1, 1, 0, 0",
            "0, 3, 1, 1, 0, 0",
            "1, 1, 1, 1, 0, 1",
            "25, 1, 1, 1, 0, 25",
            "25, 2, 1, 1, 0, 25",
            "26, 2, 2, 2, 25, 26",
            "26, 0, 1, 2, 0, 25",
            "26, -4, 1, 2, 0, 25",
            "51, 3, 3, 3, 50, 51",
            "51, 99, 3, 3, 50, 51"})
    void aPageIsKeptBetweenTheFirstAndTheLast(int total, int asked, int page, int pages, int from, int to) {
        Paging paging = Paging.of(total, asked, 25);
        assertEquals(new Paging(page, pages, from, to), paging);
        List<Integer> lines = IntStream.range(0, total).boxed().toList();
        assertEquals(IntStream.range(from, to).boxed().toList(), paging.of(lines));
    }

    @ParameterizedTest(name = "?page={0} asks for {1}")
    @CsvSource(value = {"3, 3", "' 12 ', 12", "0, 0", "999999, 999999", "NULL, -7", "'', -7", "two, -7", "-1, -7",
            "1.5, -7", "1e3, -7", "1234567, -7", "0x10, -7", "'٣', -7"}, nullValues = "NULL")
    void aPageParameterIsItsNumberOrTheDefault(String param, int asked) {
        assertEquals(asked, Paging.asked(param, -7));
    }
}
