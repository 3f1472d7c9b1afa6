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
 * A {@code List<Double>} as a PostgreSQL {@code real[]} or {@code double precision[]} (e.g.
 * {@code file_meta.tempo_bpms}). Written as {@code double precision[]}. A {@code real} widens to the nearest double
 * of the float (120.5 stays 120.5, 0.1 reads as 0.10000000149). Lists read back are unmodifiable and may contain
 * nulls if the array does.
 *
 * <p>Thread-safe (stateless).
 */
public final class DoubleArrayTypeHandler extends BaseTypeHandler<List<Double>> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<Double> parameter, JdbcType jdbcType)
            throws SQLException {
        ps.setArray(i, ps.getConnection().createArrayOf("float8", parameter.toArray(new Double[0])));
    }

    @Override
    public List<Double> getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return toList(rs.getArray(columnName));
    }

    @Override
    public List<Double> getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return toList(rs.getArray(columnIndex));
    }

    @Override
    public List<Double> getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return toList(cs.getArray(columnIndex));
    }

    private static List<Double> toList(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        try {
            Object[] values = (Object[]) array.getArray(); // Float[] for real[], Double[] for double precision[]
            List<Double> out = new ArrayList<>(values.length);
            for (Object v : values) {
                out.add(v == null ? null : ((Number) v).doubleValue());
            }
            return Collections.unmodifiableList(out);
        } finally {
            array.free();
        }
    }
}
