package org.gridmend.customer;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The customer accounts' tables: codes, sessions, verified phones. */
@Mapper
interface CustomerAccountMapper {

    record Code(long id, String phone, String codeHash, Instant expiresAt, int attempts, Instant usedAt) {}

    record Session(String phone, Instant expiresAt, Instant revokedAt) {}

    final class NewCode {
        public Long id;
        public String phone;
        public String codeHash;
        public String clientAddress;
        public Instant createdAt;
        public Instant expiresAt;
    }

    @Insert("INSERT INTO gm_customer_code (phone, code_hash, client_address, created_at, expires_at) VALUES (#{phone}, "
            + "#{codeHash}, #{clientAddress}, #{createdAt}, #{expiresAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertCode(NewCode code);

    @Update("UPDATE gm_customer_code SET code_hash = #{hash} WHERE id = #{id}")
    void setHash(@Param("id") long id, @Param("hash") String hash);

    @Select("SELECT COUNT(*) FROM gm_customer_code WHERE phone = #{phone} AND created_at >= #{since}")
    long codesForPhoneSince(@Param("phone") String phone, @Param("since") Instant since);

    @Select("SELECT COUNT(*) FROM gm_customer_code WHERE client_address = #{address} AND created_at >= #{since}")
    long codesFromAddressSince(@Param("address") String address, @Param("since") Instant since);

    @Select("SELECT MAX(created_at) FROM gm_customer_code WHERE phone = #{phone}")
    Instant lastCodeAt(@Param("phone") String phone);

    @Select("SELECT MAX(id) FROM gm_customer_code WHERE phone = #{phone}")
    Long newestCodeId(@Param("phone") String phone);

    /** A code with a row lock: tries are counted one at a time. */
    @Select("SELECT id, phone, code_hash, expires_at, attempts, used_at FROM gm_customer_code WHERE id = #{id} "
            + "FOR UPDATE")
    @Options(flushCache = Options.FlushCachePolicy.TRUE)
    Code lockCode(@Param("id") long id);

    @Update("UPDATE gm_customer_code SET attempts = attempts + 1 WHERE id = #{id}")
    void countTry(@Param("id") long id);

    @Update("UPDATE gm_customer_code SET used_at = #{at} WHERE id = #{id} AND used_at IS NULL")
    int use(@Param("id") long id, @Param("at") Instant at);

    @Insert("INSERT INTO gm_customer_session (token_hash, phone, created_at, expires_at) VALUES (#{hash}, #{phone}, "
            + "#{at}, #{expiresAt})")
    void insertSession(
            @Param("hash") String hash,
            @Param("phone") String phone,
            @Param("at") Instant at,
            @Param("expiresAt") Instant expiresAt);

    @Select("SELECT phone, expires_at, revoked_at FROM gm_customer_session WHERE token_hash = #{hash}")
    Session session(@Param("hash") String hash);

    @Update("UPDATE gm_customer_session SET revoked_at = #{at} WHERE token_hash = #{hash} AND revoked_at IS NULL")
    int revoke(@Param("hash") String hash, @Param("at") Instant at);

    /** Customer numbers whose archive phone is this one, or to which a dispatcher added it. */
    @Select("SELECT customer_no FROM gm_customer WHERE phone IN (#{national}, #{e164}) UNION "
            + "SELECT customer_no FROM gm_customer_phone WHERE phone = #{e164} ORDER BY 1")
    List<String> customerNos(@Param("national") String national, @Param("e164") String e164);

    @Insert("INSERT INTO gm_customer_phone (customer_no, phone, added_by, added_at) VALUES (#{customerNo}, #{phone}, "
            + "#{by}, #{at})")
    void addPhone(
            @Param("customerNo") String customerNo,
            @Param("phone") String phone,
            @Param("by") String by,
            @Param("at") Instant at);
}
