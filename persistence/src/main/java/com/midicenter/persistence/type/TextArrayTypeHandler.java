package com.midicenter.persistence.type;

import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * A {@code List<String>} as a PostgreSQL {@code text[]}, e.g. {@code import_run.roots}, or the array parameter of
 * {@code column = ANY(#{values, typeHandler=...})}. Lists read back are unmodifiable and may contain nulls if the
 * array does.
 *
 * <p>Thread-safe (stateless).
 */
public final class TextArrayTypeHandler extends BaseTypeHandler<List<String>> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<String> parameter, JdbcType jdbcType) throws SQLException {
        String[] values = parameter.toArray(new String[0]);
        for (int k = 0; k < values.length; k++) {
            values[k] = values[k] == null ? null : NulFreeStringTypeHandler.withoutNul(values[k]); // text has no NUL
        }
        Array array = ps.getConnection().createArrayOf("text", values);
        ps.setArray(i, array);
    }

    @Override
    public List<String> getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return toList(rs.getArray(columnName));
    }

    @Override
    public List<String> getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return toList(rs.getArray(columnIndex));
    }

    @Override
    public List<String> getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return toList(cs.getArray(columnIndex));
    }

    private static List<String> toList(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        try {
            return Collections.unmodifiableList(Arrays.asList((String[]) array.getArray()));
        } finally {
            array.free();
        }
    }
}
