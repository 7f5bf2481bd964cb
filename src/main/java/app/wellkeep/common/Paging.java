package app.wellkeep.common;

import java.util.List;

/**
 * Which lines of a list one page shows: the page asked for, kept between the first and the last (an empty list has
 * one, empty, page), so a link to a page past the end shows the last.
 */
public record Paging(int page, int pages, int from, int to) {

    /** Page {@code asked} (from 1) of {@code total} lines, {@code size} a page. */
    public static Paging of(int total, int asked, int size) {
        int pages = Math.max(1, (total + size - 1) / size);
        int page = Math.min(Math.max(asked, 1), pages);
        int from = (page - 1) * size;
        return new Paging(page, pages, from, Math.min(total, from + size));
    }

    /**
     * The page number a query string asks for, or {@code otherwise} when it is missing or not a number: a link may be
     * old or edited, and a page of a list is never worth an error.
     */
    public static int asked(String param, int otherwise) {
        String value = param == null ? "" : param.strip();
        return value.matches("\\d{1,6}") ? Integer.parseInt(value) : otherwise;
    }

    /** The lines of this page. */
    public <T> List<T> of(List<T> lines) {
        return lines.subList(from, to);
    }
}
