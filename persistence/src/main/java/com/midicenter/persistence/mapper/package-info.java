/**
 * MyBatis mappers: one interface per table family, its SQL in the XML file of the same name and package path under
 * {@code src/main/resources}. Rows are records. Statements name their columns and take {@code #{}} parameters only.
 *
 * <p>A mapper instance comes from a {@link org.apache.ibatis.session.SqlSession} and is confined to it: one thread,
 * one unit of work. The caller owns the transaction (see
 * {@link com.midicenter.persistence.db.Database#inTransaction}).
 */
package com.midicenter.persistence.mapper;
