package io.kefu.chat.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * How often one client address may call the visitor API, counted in memory on each node (fixed one-minute
 * windows; forms in their own, longer window). The table of addresses is bounded: the least recently seen are
 * dropped first, so a flood of addresses costs memory no more than {@link #MAX_KEYS} entries. Behind a load
 * balancer an address may use each node's share: the limit is per node, by design cheap and without writes.
 */
@Component
public class VisitorLimits {

    static final int MAX_KEYS = 20_000;

    private final ChatProperties properties;
    private final Clock clock;
    private final Map<String, long[]> windows = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MAX_KEYS;
        }
    };

    VisitorLimits(ChatProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts one API call from the address; 429 when the minute's share is used up. */
    public void request(String address) {
        count("r:" + address, properties.requestsPerMinute(), 60_000L);
    }

    /** Counts one form (leave a message, contact details) from the address. */
    public void form(String address) {
        count("f:" + address, properties.formsPerWindow(), properties.formWindow().toMillis());
    }

    private void count(String key, int max, long windowMillis) {
        long now = clock.millis();
        synchronized (windows) {
            long[] window = windows.computeIfAbsent(key, k -> new long[]{now, 0});
            if (now - window[0] >= windowMillis) {
                window[0] = now;
                window[1] = 0;
            }
            if (window[1] >= max) {
                throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, "chat.tooManyRequests");
            }
            window[1]++;
        }
    }
}
