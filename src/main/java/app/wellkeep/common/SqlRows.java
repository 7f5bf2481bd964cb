package app.wellkeep.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Plain SQL for the pages that read a thousand patients at once (the roster, the triage queue) and for the access log
 * they write to: rows read as columns and rows written in one batch, with no entity machinery, and ids of many people
 * bound as one array ({@code = ANY(?)}, the same on PostgreSQL and H2), so a statement and its plan are the same
 * whatever their number. An HQL {@code in} list of a thousand ids is a thousand bind parameters, translated, bound and
 * planned anew on every request.
 * <p>
 * In the caller's transaction. The persistence context is not flushed first: callers read tables this transaction
 * has not changed through entities.
 */
public final class SqlRows {

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {

        T read(ResultSet rs) throws SQLException;
    }

    /**
     * A column of values bound as one SQL array of {@code type} ("date", "uuid"), read with {@code UNNEST(CAST(? AS
     * DATE ARRAY))}; unlike a bare collection of ids, an empty one still runs the statement.
     */
    public record Values(String type, Collection<?> values) {
    }

    /** Text that needs no quoting in an array literal; NULL is a word of its own there. */
    private static final Pattern PLAIN_WORD = Pattern.compile("(?!(?i)null$)[A-Za-z0-9]+");

    private SqlRows() {
    }

    /**
     * The rows of {@code sql} with its parameters in order: a collection of UUIDs is bound as one array (none: no
     * rows, without a statement), {@link Values} as an array, an Instant as a time in UTC, anything else (LocalDate,
     * String, Integer, UUID) as itself.
     */
    public static <T> List<T> list(EntityManager em, String sql, Row<T> row, Object... params) {
        for (Object param : params) {
            if (param instanceof Collection<?> ids && ids.isEmpty()) {
                return List.of();
            }
        }
        return prepared(em, sql, "Reading rows", (statement, jdbc, binder) -> {
            binder.bind(params);
            List<T> rows = new ArrayList<>();
            ResultSet rs = jdbc.getResultSetReturn().extract(statement, sql);
            while (rs.next()) {
                rows.add(row.read(rs));
            }
            return rows;
        });
    }

    /**
     * Runs {@code sql} once for each row of parameters, bound as {@link #list} binds them, in one JDBC batch; returns
     * how many rows each changed.
     */
    public static int[] batch(EntityManager em, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return prepared(em, sql, "Writing rows", (statement, jdbc, binder) -> {
            for (Object[] params : rows) {
                binder.bind(params);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /** Binds one row of parameters to the statement, as {@link #list} describes. */
    @FunctionalInterface
    private interface Binder {

        void bind(Object[] params) throws SQLException;
    }

    /** What is done with a prepared statement. */
    @FunctionalInterface
    private interface Work<T> {

        T run(PreparedStatement statement, JdbcCoordinator jdbc, Binder binder) throws SQLException;
    }

    /**
     * Prepares {@code sql} through the session's JDBC coordinator, whose statistics count the statement (the tests
     * that hold pages to a fixed number of statements see it), and which releases it after {@code work}.
     */
    private static <T> T prepared(EntityManager em, String sql, String doing, Work<T> work) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        boolean postgres = onPostgres(session);
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(sql);
        try {
            Connection connection = jdbc.getLogicalConnection().getPhysicalConnection();
            return work.run(statement, jdbc, params -> bind(statement, params, postgres, connection));
        } catch (SQLException e) {
            throw jdbc.getJdbcSessionOwner().getSqlExceptionHelper().convert(e, doing, sql);
        } finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
        }
    }

    /** Whether the session's database is PostgreSQL (else H2). */
    public static boolean onPostgres(EntityManager em) {
        return onPostgres(em.unwrap(SharedSessionContractImplementor.class));
    }

    private static boolean onPostgres(SharedSessionContractImplementor session) {
        return session.getJdbcServices().getDialect() instanceof PostgreSQLDialect;
    }

    private static void bind(PreparedStatement statement, Object[] params, boolean postgres, Connection connection)
            throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Collection<?> array = params[i] instanceof Values column
                    ? column.values()
                    : params[i] instanceof Collection<?> ids ? ids : null;
            if (array != null && postgres) {
                // Untyped: the statement's cast (or the column it is compared with) gives the array its type.
                statement.setObject(i + 1, arrayLiteral(array), Types.OTHER);
            } else if (array != null) {
                statement.setArray(i + 1, connection.createArrayOf(
                        params[i] instanceof Values column ? column.type() : "uuid", array.toArray()));
            } else {
                statement.setObject(i + 1, params[i] instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : params[i]);
            }
        }
    }

    /**
     * An array of UUIDs, dates or plain words as PostgreSQL reads it. Written out here because the driver's general
     * encoder quotes and escapes every element character by character, a tenth of the triage queue's time with a
     * thousand patients; the text of a UUID, a date or a word of letters and digits (an access-log chain key) needs
     * neither.
     */
    static String arrayLiteral(Collection<?> values) {
        StringBuilder text = new StringBuilder(values.size() * 37 + 2).append('{');
        for (Object value : values) {
            if (text.length() > 1) {
                text.append(',');
            }
            if (value == null) {
                text.append("NULL");
            } else if (value instanceof UUID || value instanceof LocalDate
                    || value instanceof String word && PLAIN_WORD.matcher(word).matches()) {
                text.append(value);
            } else {
                throw new IllegalArgumentException("Not a UUID, a date or a plain word: " + value);
            }
        }
        return text.append('}').toString();
    }

    public static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** A TIMESTAMP WITH TIME ZONE column as an instant; null stays null. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
