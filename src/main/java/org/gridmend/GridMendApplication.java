package org.gridmend;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GridMendApplication {

    public static void main(String[] args) {
        SpringApplication.run(GridMendApplication.class, args);
    }
}
