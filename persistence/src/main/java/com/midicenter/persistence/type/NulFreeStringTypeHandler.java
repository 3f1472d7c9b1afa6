package com.midicenter.persistence.type;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Binds every {@code String} parameter without NUL characters: PostgreSQL text cannot hold U+0000, and a user text
 * with one (a pasted search, a tag, a path) made the statement fail with {@code invalid byte sequence for encoding
 * "UTF8": 0x00} instead of working. NUL is dropped, as {@link com.midicenter.persistence.copy.CopyText} does for
 * COPY. Results are read as they are. Registered for {@code String} in {@code Database}'s MyBatis configuration.
 */
public final class NulFreeStringTypeHandler extends BaseTypeHandler<String> {

    /** {@code s} without U+0000 (the same instance when it has none). */
    public static String withoutNul(String s) {
        return s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, String parameter, JdbcType jdbcType) throws SQLException {
        ps.setString(i, withoutNul(parameter));
    }

    @Override
    public String getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return rs.getString(columnName);
    }

    @Override
    public String getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return rs.getString(columnIndex);
    }

    @Override
    public String getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return cs.getString(columnIndex);
    }
}
