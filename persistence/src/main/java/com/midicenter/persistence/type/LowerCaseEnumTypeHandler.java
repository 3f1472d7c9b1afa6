package com.midicenter.persistence.type;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Stores an enum as the lower-case name of its constant ({@code FINISHED} ↔ {@code 'finished'}), the spelling
 * the schema's CHECK constraints use. Unknown values read from the database fail loudly.
 *
 * <p>Thread-safe (stateless after construction).
 *
 * @param <E> the enum type
 */
public final class LowerCaseEnumTypeHandler<E extends Enum<E>> extends BaseTypeHandler<E> {

    private final Class<E> type;

    public LowerCaseEnumTypeHandler(Class<E> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, E parameter, JdbcType jdbcType) throws SQLException {
        ps.setString(i, parameter.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public E getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return parse(rs.getString(columnName));
    }

    @Override
    public E getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return parse(rs.getString(columnIndex));
    }

    @Override
    public E getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return parse(cs.getString(columnIndex));
    }

    private E parse(String value) throws SQLException {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SQLException("unknown " + type.getSimpleName() + " value in the database: value=" + value, e);
        }
    }
}
