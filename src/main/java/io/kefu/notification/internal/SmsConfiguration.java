package io.kefu.notification.internal;

import java.util.Locale;

import io.kefu.notification.SmsGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMS gateway chosen by {@code kefu.notification.sms.provider}. A vendor's gateway replaces it by being declared
 * as a {@code @Primary} bean of type {@link SmsGateway}.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    SmsGateway smsGateway(NotificationProperties properties) {
        NotificationProperties.Sms sms = properties.sms();
        return switch (sms.provider().trim().toLowerCase(Locale.ROOT)) {
            case "log" -> new LoggingSmsGateway();
            case "http" -> new HttpSmsGateway(sms.url(), sms.token(), sms.secret());
            default -> throw new IllegalStateException(
                    "kefu.notification.sms.provider must be log or http, not " + sms.provider());
        };
    }
}
