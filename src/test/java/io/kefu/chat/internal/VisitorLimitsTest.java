package io.kefu.chat.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.kefu.platform.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The widget API's per-address limits (the application tests raise them: all their calls come from 127.0.0.1). */
class VisitorLimitsTest {

    private final MutableClock clock = new MutableClock();
    private final VisitorLimits limits = new VisitorLimits(
            new ChatProperties(null, 3, 2, Duration.ofMinutes(10), null, null, null, null, null), clock);

    @Test
    void anAddressGetsItsShareOfCallsPerMinuteThenA429UntilTheNextMinute() {
        for (int i = 0; i < 3; i++) {
            limits.request("10.0.0.1");
        }
        assertThatThrownBy(() -> limits.request("10.0.0.1")).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
        limits.request("10.0.0.2");
        clock.now = clock.now.plusSeconds(61);
        limits.request("10.0.0.1");
    }

    @Test
    void formsHaveTheirOwnLongerWindow() {
        limits.form("10.0.0.3");
        limits.form("10.0.0.3");
        clock.now = clock.now.plusSeconds(300);
        assertThatThrownBy(() -> limits.form("10.0.0.3")).isInstanceOf(DomainException.class);
        clock.now = clock.now.plusSeconds(301);
        limits.form("10.0.0.3");
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
