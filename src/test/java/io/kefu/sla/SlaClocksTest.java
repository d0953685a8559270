package io.kefu.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.kefu.ApiClient;
import io.kefu.KefuTest;
import io.kefu.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The clocks as the ticket module drives them: matching, pause and resume, met, reopen, and timers that fire. */
@KefuTest
class SlaClocksTest {

    private static final AtomicLong TICKETS = new AtomicLong(System.currentTimeMillis());
    /** Every SLA event the application published, as a listener of the ticket module would see them. */
    private static final List<Object> EVENTS = new CopyOnWriteArrayList<>();
    private static long allDayCalendar;

    @Autowired
    SlaClocks clocks;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void setUp(@LocalServerPort int port, @Autowired ConfigurableApplicationContext context) {
        ApplicationListener<PayloadApplicationEvent<?>> recorder = event -> {
            if (event.getPayload() instanceof SlaBreached || event.getPayload() instanceof SlaWarningReached) {
                EVENTS.add(event.getPayload());
            }
        };
        context.addApplicationListener(recorder);
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        allDayCalendar = SlaFixtures.allDayCalendar(admin, "clocks-24x7");
        SlaFixtures.policy(admin, "{\"name\": \"match-type\", \"rank\": 5, \"ticketTypes\": [\"MATCHTEST\"], "
                + "\"firstResponseMinutes\": 10, \"resolutionMinutes\": 100}");
        SlaFixtures.policy(admin, "{\"name\": \"match-type-urgent\", \"rank\": 50, \"ticketTypes\": [\"MATCHTEST\"], "
                + "\"priorities\": [\"URGENT\"], \"firstResponseMinutes\": 20, \"resolutionMinutes\": 200}");
        SlaFixtures.policy(admin, "{\"name\": \"match-type-vip\", \"rank\": 40, \"ticketTypes\": [\"matchtest\"], "
                + "\"customerTiers\": [\"VIP\"], \"firstResponseMinutes\": 30, \"resolutionMinutes\": 300}");
        SlaFixtures.policy(admin, "{\"name\": \"match-inactive\", \"active\": false, \"ticketTypes\": [\"MATCHTEST\"], "
                + "\"priorities\": [\"URGENT\"], \"customerTiers\": [\"VIP\"], \"channels\": [\"EMAIL\"], "
                + "\"firstResponseMinutes\": 1, \"resolutionMinutes\": 1}");
        SlaFixtures.policy(admin, "{\"name\": \"clock-rules\", \"ticketTypes\": [\"CLOCKTEST\"], "
                + "\"firstResponseMinutes\": 60, \"resolutionMinutes\": 120, \"calendarId\": " + allDayCalendar + "}");
        SlaFixtures.policy(admin, "{\"name\": \"breach-fast\", \"ticketTypes\": [\"BREACHTEST\"], \"warnPercent\": 50, "
                + "\"firstResponseMinutes\": 1, \"resolutionMinutes\": 60, \"calendarId\": " + allDayCalendar + "}");
    }

    private static long newTicket() {
        return TICKETS.incrementAndGet();
    }

    private static SlaCriteria type(String ticketType) {
        return new SlaCriteria(ticketType, "NORMAL", null, "EMAIL");
    }

    @Test
    void theMostSpecificActivePolicyWinsThenTheLowestRank() {
        Instant now = Instant.now();
        assertThat(clocks.start(newTicket(), new SlaCriteria("MATCHTEST", "URGENT", null, "WEB"), now)
                .orElseThrow().policyName()).isEqualTo("match-type-urgent");
        assertThat(clocks.start(newTicket(), new SlaCriteria("MATCHTEST", "URGENT", "VIP", "EMAIL"), now)
                .orElseThrow().policyName()).isEqualTo("match-type-vip");
        assertThat(clocks.start(newTicket(), new SlaCriteria("MATCHTEST", "LOW", null, null), now)
                .orElseThrow().policyName()).isEqualTo("match-type");
        SlaStatus unrelated = clocks.start(newTicket(), new SlaCriteria("CONSULTATION", "LOW", null, "PHONE"), now)
                .orElseThrow();
        assertThat(unrelated.policyName()).doesNotStartWith("match-");
    }

    @Test
    void startIsIdempotentPerTicket() {
        long ticket = newTicket();
        Instant opened = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        SlaStatus first = clocks.start(ticket, type("CLOCKTEST"), opened).orElseThrow();
        SlaStatus again = clocks.start(ticket, type("MATCHTEST"), opened.plusSeconds(3600)).orElseThrow();
        assertThat(again.policyId()).isEqualTo(first.policyId());
        assertThat(again.deadline(SlaMetric.RESOLUTION).orElseThrow().dueAt())
                .isEqualTo(opened.plus(120, ChronoUnit.MINUTES));
    }

    @Test
    void targetsCountBusinessTimeOfTheStandardCalendar() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        // Friday 4 December 2026, 17:00: the standard policy's 4 business hours end on Monday at 11:30.
        Instant friday = LocalDateTime.parse("2026-12-04T17:00").atZone(shanghai).toInstant();
        SlaStatus status = clocks.start(newTicket(), new SlaCriteria("CONSULTATION", "NORMAL", null, "PHONE"), friday)
                .orElseThrow();
        assertThat(status.deadline(SlaMetric.FIRST_RESPONSE).orElseThrow().dueAt())
                .isEqualTo(LocalDateTime.parse("2026-12-07T11:30").atZone(shanghai).toInstant());
    }

    @Test
    void pauseKeepsTheRemainingBusinessTimeAndResumeContinuesFromIt() {
        long ticket = newTicket();
        Instant opened = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        clocks.start(ticket, type("CLOCKTEST"), opened);

        SlaStatus paused = clocks.pause(ticket, opened.plus(10, ChronoUnit.MINUTES)).orElseThrow();
        SlaDeadline resolution = paused.deadline(SlaMetric.RESOLUTION).orElseThrow();
        assertThat(resolution.state()).isEqualTo(SlaClockState.PAUSED);
        assertThat(resolution.dueAt()).isNull();
        assertThat(resolution.remaining()).isEqualTo(Duration.ofMinutes(110));
        assertThat(paused.nextDue()).isEmpty();
        assertThat(clocks.statusOf(ticket).orElseThrow().deadline(SlaMetric.FIRST_RESPONSE).orElseThrow().remaining())
                .isEqualTo(Duration.ofMinutes(50));

        Instant back = opened.plus(3, ChronoUnit.HOURS);
        SlaStatus resumed = clocks.resume(ticket, back).orElseThrow();
        assertThat(resumed.deadline(SlaMetric.RESOLUTION).orElseThrow().dueAt())
                .isEqualTo(back.plus(110, ChronoUnit.MINUTES));
        assertThat(resumed.deadline(SlaMetric.RESOLUTION).orElseThrow().state()).isEqualTo(SlaClockState.RUNNING);
        // The warning (at 80 % of 120 minutes) comes when 24 minutes are left.
        assertThat(resumed.deadline(SlaMetric.RESOLUTION).orElseThrow().warnAt())
                .isEqualTo(back.plus(86, ChronoUnit.MINUTES));
        assertThat(resumed.nextDue()).contains(back.plus(50, ChronoUnit.MINUTES));
    }

    @Test
    void metInTimeIsMetAndMetLateStaysBreached() {
        long ticket = newTicket();
        Instant opened = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        clocks.start(ticket, type("CLOCKTEST"), opened);

        SlaDeadline reply = clocks.met(ticket, SlaMetric.FIRST_RESPONSE, opened.plus(10, ChronoUnit.MINUTES))
                .orElseThrow().deadline(SlaMetric.FIRST_RESPONSE).orElseThrow();
        assertThat(reply.state()).isEqualTo(SlaClockState.MET);
        assertThat(reply.remaining()).isEqualTo(Duration.ofMinutes(50));
        assertThat(reply.metAt()).isEqualTo(opened.plus(10, ChronoUnit.MINUTES));

        SlaDeadline resolved = clocks.met(ticket, SlaMetric.RESOLUTION, opened.plus(3, ChronoUnit.HOURS))
                .orElseThrow().deadline(SlaMetric.RESOLUTION).orElseThrow();
        assertThat(resolved.state()).isEqualTo(SlaClockState.BREACHED);
        assertThat(resolved.remaining()).isEqualTo(Duration.ofMinutes(-60));

        // Reopened: it had nothing left, so it is due at once.
        Instant reopened = opened.plus(5, ChronoUnit.HOURS);
        SlaDeadline again = clocks.reopen(ticket, reopened).orElseThrow().deadline(SlaMetric.RESOLUTION).orElseThrow();
        assertThat(again.state()).isEqualTo(SlaClockState.RUNNING);
        assertThat(again.dueAt()).isEqualTo(reopened);
        assertThat(again.metAt()).isNull();
    }

    @Test
    void aReopenedTicketGetsBackWhatItHadLeft() {
        long ticket = newTicket();
        Instant opened = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        clocks.start(ticket, type("CLOCKTEST"), opened);
        clocks.met(ticket, SlaMetric.RESOLUTION, opened.plus(20, ChronoUnit.MINUTES));

        Instant reopened = opened.plus(5, ChronoUnit.HOURS);
        SlaDeadline resolution = clocks.reopen(ticket, reopened).orElseThrow().deadline(SlaMetric.RESOLUTION)
                .orElseThrow();
        assertThat(resolution.state()).isEqualTo(SlaClockState.RUNNING);
        assertThat(resolution.dueAt()).isEqualTo(reopened.plus(100, ChronoUnit.MINUTES));
    }

    @Test
    void policiesAndCalendarsChangedElsewhereApplyToTheNextTicket(@LocalServerPort int port) {
        ApiClient admin = new ApiClient(port, TestAccounts.BOOTSTRAP_TOKEN);
        long calendar = SlaFixtures.allDayCalendar(admin, "settings-24x7");
        SlaFixtures.policy(admin, "{\"name\": \"settings-rules\", \"ticketTypes\": [\"SETTINGSTEST\"], "
                + "\"firstResponseMinutes\": 10, \"resolutionMinutes\": 100, \"calendarId\": " + calendar + "}");
        Instant monday = Instant.parse("2026-12-07T00:00:00Z");
        assertThat(firstResponseDue(monday)).isEqualTo(monday.plus(10, ChronoUnit.MINUTES));

        // Written straight into the database, as another node (or a script) would: this node is not told.
        jdbc.sql("UPDATE sla_policy SET first_response_minutes = 25 WHERE name = 'settings-rules'").update();
        assertThat(firstResponseDue(monday)).isEqualTo(monday.plus(25, ChronoUnit.MINUTES));

        jdbc.sql("UPDATE sla_calendar_period SET start_minute = 720 WHERE calendar_id = ?").param(calendar).update();
        assertThat(firstResponseDue(monday)).isEqualTo(Instant.parse("2026-12-07T12:25:00Z"));

        jdbc.sql("UPDATE sla_policy SET active = FALSE WHERE name = 'settings-rules'").update();
        assertThat(clocks.start(newTicket(), type("SETTINGSTEST"), monday).orElseThrow().policyName())
                .isNotEqualTo("settings-rules");
    }

    private Instant firstResponseDue(Instant opened) {
        return clocks.start(newTicket(), type("SETTINGSTEST"), opened).orElseThrow()
                .deadline(SlaMetric.FIRST_RESPONSE).orElseThrow().dueAt();
    }

    @Test
    void ticketsWithoutClocksAnswerEmpty() {
        long ticket = newTicket();
        assertThat(clocks.statusOf(ticket)).isEmpty();
        assertThat(clocks.pause(ticket, Instant.now())).isEmpty();
        assertThat(clocks.statusOf(List.of(ticket))).isEmpty();
    }

    @Test
    void aPassedDeadlineIsBreachedOnceByTheSchedulerAndAPausedClockIsNot() throws InterruptedException {
        long late = newTicket();
        long waiting = newTicket();
        // First response: one minute, of which 58 seconds are gone; its warning (at 50 %) is already due.
        Instant opened = Instant.now().minusSeconds(58);
        clocks.start(late, type("BREACHTEST"), opened);
        clocks.start(waiting, type("BREACHTEST"), opened);
        clocks.pause(waiting, Instant.now());

        Instant giveUp = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(giveUp) && !breached(late)) {
            Thread.sleep(200);
        }
        Thread.sleep(2000);

        assertThat(EVENTS).filteredOn(e -> e instanceof SlaBreached b && b.ticketId() == late)
                .containsExactly(new SlaBreached(late, SlaMetric.FIRST_RESPONSE, clocks.statusOf(late).orElseThrow()
                        .deadline(SlaMetric.FIRST_RESPONSE).orElseThrow().dueAt()));
        assertThat(EVENTS).filteredOn(e -> e instanceof SlaWarningReached w && w.ticketId() == late).hasSize(1);
        Map<Long, SlaStatus> statuses = clocks.statusOf(List.of(late, waiting));
        SlaDeadline lateReply = statuses.get(late).deadline(SlaMetric.FIRST_RESPONSE).orElseThrow();
        assertThat(lateReply.state()).isEqualTo(SlaClockState.BREACHED);
        assertThat(lateReply.remaining()).isNegative();
        assertThat(statuses.get(late).deadline(SlaMetric.RESOLUTION).orElseThrow().state())
                .isEqualTo(SlaClockState.RUNNING);
        assertThat(statuses.get(waiting).deadline(SlaMetric.FIRST_RESPONSE).orElseThrow().state())
                .isEqualTo(SlaClockState.PAUSED);
        assertThat(EVENTS).noneMatch(e -> e instanceof SlaBreached b && b.ticketId() == waiting);

        // Met late: it stays breached, with when it was met; no second breach.
        SlaDeadline metLate = clocks.met(late, SlaMetric.FIRST_RESPONSE, Instant.now()).orElseThrow()
                .deadline(SlaMetric.FIRST_RESPONSE).orElseThrow();
        assertThat(metLate.state()).isEqualTo(SlaClockState.BREACHED);
        assertThat(metLate.metAt()).isNotNull();
    }

    private boolean breached(long ticket) {
        return EVENTS.stream().anyMatch(e -> e instanceof SlaBreached b && b.ticketId() == ticket);
    }
}
