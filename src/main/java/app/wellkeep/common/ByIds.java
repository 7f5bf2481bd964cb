package app.wellkeep.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Reads rows of many people at once, the ids bound as one array ({@code = ANY(?)}, the same on PostgreSQL and H2):
 * one statement and one plan whatever their number. An HQL {@code in} list of a thousand ids is a thousand bind
 * parameters, translated, bound and planned anew on every request, and its rows go through the entity machinery;
 * the roster and the triage queue read a thousand patients' summaries a page.
 * <p>
 * Plain JDBC in the caller's transaction. The persistence context is not flushed first: callers read tables this
 * transaction has not changed through entities.
 */
public final class ByIds {

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {

        T read(ResultSet rs) throws SQLException;
    }

    private ByIds() {
    }

    /**
     * The rows of {@code sql}, whose first parameter is the array of {@code ids} and the next ones {@code more}
     * (LocalDate, Instant, String, Integer or UUID).
     */
    public static <T> List<T> list(EntityManager em, String sql, Collection<UUID> ids, Row<T> row, Object... more) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // Through the session's JDBC coordinator: its statistics count the statement (the tests that hold pages to a
        // fixed number of statements see it) and it releases what it prepared.
        JdbcCoordinator jdbc = em.unwrap(SharedSessionContractImplementor.class).getJdbcCoordinator();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(sql);
        try {
            Connection connection = jdbc.getLogicalConnection().getPhysicalConnection();
            statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            for (int i = 0; i < more.length; i++) {
                Object value = more[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : more[i];
                statement.setObject(i + 2, value);
            }
            List<T> rows = new ArrayList<>();
            ResultSet rs = jdbc.getResultSetReturn().extract(statement, sql);
            while (rs.next()) {
                rows.add(row.read(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw jdbc.getJdbcSessionOwner().getSqlExceptionHelper().convert(e, "Reading rows by ids", sql);
        } finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
        }
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
