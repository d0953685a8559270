package io.kefu.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every module reads "now" from, so time-dependent rules can be reasoned about in one place. */
@Configuration(proxyBeanMethods = false)
class TimeSource {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
