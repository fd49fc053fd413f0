package org.gridmend.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application without a real web server and without the job executor, on an H2 database of its own: process tests
 * drive every job themselves (camunda-bpm-assert's {@code execute(job())}), so nothing runs behind their back.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "camunda.bpm.job-execution.enabled=false",
            // Camunda keeps engines in a JVM-wide registry by name; the REST API of the @GridMendTest context must keep
            // finding its own engine as "default".
            "camunda.bpm.process-engine-name=processtest",
            // restoration in batches of two reports, so that a test with three reports sees two batches
            "gridmend.repair.restoration-batch-size=2",
            "spring.datasource.url=jdbc:h2:mem:gridmend-process;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"
        })
@ActiveProfiles("test")
public @interface ProcessTest {}
