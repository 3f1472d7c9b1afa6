package com.midicenter.persistence.export;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Reads what an export needs; SQL in {@code ExportMapper.xml}. */
public interface ExportMapper {

    /**
     * The sources of these content ids, ordered by id; contents without a location are left out. The location the
     * search shows is preferred, then any present one.
     */
    List<ExportSource> sources(@Param("ids") List<Long> ids);
}
