package io.kefu.chat.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Live chat's node-level settings, bound from {@code kefu.chat.*}; what administrators change at run time is in
 * the chat settings row instead.
 *
 * @param maxFileSize       the largest file a visitor or agent may send
 * @param requestsPerMinute visitor API calls one client address may make per minute (per node)
 * @param formsPerWindow    leave-a-message and contact forms one address may send per {@code formWindow}
 * @param ping              how often a stream sends a keep-alive comment
 * @param streamTimeout     how long one stream stays open before the browser reconnects (with Last-Event-ID)
 * @param queueRefresh      how often waiting visitors are sent their new queue position
 * @param abandonAfter      a chat with the bot or in the queue whose visitor has not been seen for this long (no
 *                          open stream, no message) is ended: she has left
 * @param abandonCheck      how often one node looks for such chats
 */
@ConfigurationProperties("kefu.chat")
public record ChatProperties(DataSize maxFileSize, int requestsPerMinute, int formsPerWindow, Duration formWindow,
                             Duration ping, Duration streamTimeout, Duration queueRefresh,
                             Duration abandonAfter, Duration abandonCheck) {

    public ChatProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
        requestsPerMinute = requestsPerMinute <= 0 ? 120 : requestsPerMinute;
        formsPerWindow = formsPerWindow <= 0 ? 5 : formsPerWindow;
        formWindow = formWindow == null ? Duration.ofMinutes(10) : formWindow;
        ping = ping == null ? Duration.ofSeconds(20) : ping;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
        queueRefresh = queueRefresh == null ? Duration.ofSeconds(5) : queueRefresh;
        abandonAfter = abandonAfter == null ? Duration.ofMinutes(10) : abandonAfter;
        abandonCheck = abandonCheck == null ? Duration.ofMinutes(1) : abandonCheck;
    }
}
