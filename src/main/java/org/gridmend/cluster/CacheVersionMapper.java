package org.gridmend.cluster;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** gm_cache_version: a counter per shared cache, moved on by the node that changed what the cache holds. */
@Mapper
interface CacheVersionMapper {

    record Version(String name, long version) {}

    @Update("UPDATE gm_cache_version SET version = version + 1, changed_at = #{now}, changed_by = #{node} "
            + "WHERE name = #{name}")
    int bump(@Param("name") String name, @Param("node") String node, @Param("now") Instant now);

    @Insert("INSERT INTO gm_cache_version (name, version, changed_at, changed_by) VALUES (#{name}, 1, #{now}, "
            + "#{node})")
    void insert(@Param("name") String name, @Param("node") String node, @Param("now") Instant now);

    @Select("SELECT name, version FROM gm_cache_version")
    List<Version> all();
}
