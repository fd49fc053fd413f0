package org.gridmend.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The demo's development AMI head-end, shared by the board's storm (which darkens meters) and /dev/ami/ping. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoConfiguration {

    @Bean(destroyMethod = "close")
    HeadEndSimulator headEndSimulator() {
        return new HeadEndSimulator();
    }
}
