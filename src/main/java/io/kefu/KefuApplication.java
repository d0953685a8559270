package io.kefu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KefuApplication {

    public static void main(String[] args) {
        SpringApplication.run(KefuApplication.class, args);
    }
}
