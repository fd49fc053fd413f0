package org.gridmend.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on an H2 database of its own behind a real HTTP port, with the job executor, for the browser
 * tests (*BrowserIT). They run in the same JVM as the MariaDB integration tests, whose REST API must keep finding
 * their own engine as "default" in Camunda's JVM-wide registry: this engine has a name of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.process-engine-name=browsertest",
            "spring.datasource.url=jdbc:h2:mem:gridmend-browser;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"
        })
@ActiveProfiles("test")
public @interface BrowserTest {}
