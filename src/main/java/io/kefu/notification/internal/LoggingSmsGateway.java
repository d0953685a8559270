package io.kefu.notification.internal;

import io.kefu.notification.SmsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** For development and demos: every text message goes to the log instead of a phone. */
class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public void send(String phone, String text) {
        log.info("SMS to {}: {}", phone, text);
    }
}
