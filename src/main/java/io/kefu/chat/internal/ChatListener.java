package io.kefu.chat.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.kefu.platform.DaemonThreads;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's one listening connection ({@code LISTEN kefu_chat}): every chat change committed on any node is
 * passed to the streams open here. When the connection drops it is opened again, and since signals may have been
 * missed meanwhile, every stream then catches up from the database.
 */
@Component
class ChatListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChatListener.class);
    private static final int WAIT_MILLIS = 1000;

    private final DataSource dataSource;
    private final ChatStreams streams;
    private volatile boolean running;
    private Thread thread;

    ChatListener(DataSource dataSource, ChatStreams streams) {
        this.dataSource = dataSource;
        this.streams = streams;
    }

    @Override
    public void start() {
        running = true;
        thread = DaemonThreads.named("chat-listener").newThread(this::listen);
        thread.start();
    }

    @Override
    public void stop() {
        // Runs before the web server's graceful shutdown (a higher phase stops first), which would wait for streams.
        streams.completeAll();
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean first = true;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ChatSignals.CHANNEL);
                }
                if (!first) {
                    streams.changedAll();
                }
                first = false;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            streams.changed(Long.parseLong(notification.getParameter()));
                        }
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    // The connection goes back to the pool: it must not go on collecting signals there.
                    statement.execute("UNLISTEN *");
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Chat listener lost its database connection; listening again in a second", e);
                first = false;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
