package app.wellkeep.common;

import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.DateJdbcType;

/**
 * A {@code DATE} column read as the driver's own {@code LocalDate} (H2 and PostgreSQL both give one). Hibernate's
 * default goes through {@code java.sql.Date} and a calendar per value, a quarter of the CPU of a page that reads three
 * years of days. Still a {@code DATE} to queries, so {@code max()} and comparisons type-check as before; Hibernate's
 * own {@code LocalDateJdbcType} is a type of its own there, which they refuse.
 */
public class LocalDateColumn extends DateJdbcType {

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {

            @Override
            protected X doExtract(ResultSet rs, int index, WrapperOptions options) throws SQLException {
                return javaType.wrap(rs.getObject(index, LocalDate.class), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options)
                    throws SQLException {
                return javaType.wrap(statement.getObject(index, LocalDate.class), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options)
                    throws SQLException {
                return javaType.wrap(statement.getObject(name, LocalDate.class), options);
            }
        };
    }
}
