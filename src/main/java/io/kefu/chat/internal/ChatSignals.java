package io.kefu.chat.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells every node that a chat changed. PostgreSQL delivers a NOTIFY only when the transaction that sent it
 * commits (and folds repeats of one payload into one), so listeners never read a change before it is visible.
 */
@Component
public class ChatSignals {

    static final String CHANNEL = "kefu_chat";

    private final JdbcClient jdbc;

    ChatSignals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(long chatId) {
        jdbc.sql("SELECT pg_notify('" + CHANNEL + "', :payload)").param("payload", Long.toString(chatId)).query()
                .singleValue();
    }
}
