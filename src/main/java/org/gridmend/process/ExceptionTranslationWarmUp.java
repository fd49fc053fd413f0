package org.gridmend.process;

import java.sql.SQLException;
import javax.sql.DataSource;

import org.apache.ibatis.exceptions.PersistenceException;
import org.mybatis.spring.SqlSessionTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.support.SQLErrorCodesFactory;
import org.springframework.stereotype.Component;

/**
 * Learns the database's SQL error codes while the database is up. Spring reads them lazily, on the first SQL
 * exception it translates, from the database's metadata: under one lock for the whole JVM, with a connection of its
 * own, and without keeping a failure. Left to the first exception, a database crash made every failing request
 * wait in line for that lock, each holder spending the pool's connection timeout on a connection that could not
 * come: a report running at the crash heard its 503 after 16 s instead of 2 (DatabaseCrashFaultIT). Read once at
 * start-up, the codes are cached, and a crash costs each request its own timeout only.
 */
@Component
class ExceptionTranslationWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ExceptionTranslationWarmUp.class);

    private final DataSource dataSource;
    private final SqlSessionTemplate mybatis;

    ExceptionTranslationWarmUp(DataSource dataSource, SqlSessionTemplate mybatis) {
        this.dataSource = dataSource;
        this.mybatis = mybatis;
    }

    @EventListener(ApplicationReadyEvent.class)
    void learnErrorCodes() {
        var codes = SQLErrorCodesFactory.getInstance().getErrorCodes(dataSource);
        // MyBatis's translator is made on first use and asks the factory, whose answer is now cached
        mybatis.getPersistenceExceptionTranslator()
                .translateExceptionIfPossible(new PersistenceException(new SQLException("warm-up", "08000")));
        log.info(
                "SQL error codes learnt databaseProductNames={}",
                codes.getDatabaseProductNames() == null ? "none" : String.join(",", codes.getDatabaseProductNames()));
    }
}
