package org.gridmend.security;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** gm_password_link: one-time links to set a password, by the hash of their token. */
@Mapper
interface PasswordLinkMapper {

    record Link(String userId, Instant expiresAt, Instant usedAt) {}

    @Insert("INSERT INTO gm_password_link (token_hash, user_id, created_at, expires_at) VALUES (#{hash}, #{userId}, "
            + "#{now}, #{expiresAt})")
    void insert(
            @Param("hash") String hash,
            @Param("userId") String userId,
            @Param("now") Instant now,
            @Param("expiresAt") Instant expiresAt);

    @Select("SELECT user_id, expires_at, used_at FROM gm_password_link WHERE token_hash = #{hash} FOR UPDATE")
    Link lock(@Param("hash") String hash);

    @Update("UPDATE gm_password_link SET used_at = #{now} WHERE token_hash = #{hash} AND used_at IS NULL")
    int use(@Param("hash") String hash, @Param("now") Instant now);

    /** Every earlier link of the user stops working when a new one is sent. */
    @Update("UPDATE gm_password_link SET used_at = #{now} WHERE user_id = #{userId} AND used_at IS NULL")
    int retire(@Param("userId") String userId, @Param("now") Instant now);
}
