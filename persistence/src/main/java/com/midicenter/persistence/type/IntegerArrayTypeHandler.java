package com.midicenter.persistence.type;

import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * A {@code List<Integer>} as a PostgreSQL {@code smallint[]} or {@code integer[]} (e.g. {@code file_meta.programs},
 * {@code drum_counts}). Written as {@code integer[]}. Lists read back are unmodifiable and may contain nulls if the
 * array does.
 *
 * <p>Thread-safe (stateless).
 */
public final class IntegerArrayTypeHandler extends BaseTypeHandler<List<Integer>> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<Integer> parameter, JdbcType jdbcType)
            throws SQLException {
        ps.setArray(i, ps.getConnection().createArrayOf("int4", parameter.toArray(new Integer[0])));
    }

    @Override
    public List<Integer> getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return toList(rs.getArray(columnName));
    }

    @Override
    public List<Integer> getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return toList(rs.getArray(columnIndex));
    }

    @Override
    public List<Integer> getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return toList(cs.getArray(columnIndex));
    }

    private static List<Integer> toList(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        try {
            Object[] values = (Object[]) array.getArray(); // Short[] for smallint[], Integer[] for integer[]
            List<Integer> out = new ArrayList<>(values.length);
            for (Object v : values) {
                out.add(v == null ? null : ((Number) v).intValue());
            }
            return Collections.unmodifiableList(out);
        } finally {
            array.free();
        }
    }
}
