package io.kefu.phone.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The phone queue hour by hour on one day: calls offered, answered and abandoned, waits, the share answered within
 * the target, and the most callers waiting at once (an hour above the limit is when calls should have been diverted).
 */
@Service
@Transactional(readOnly = true)
public class PhoneQueueFigures {

    /**
     * One hour of the queue.
     *
     * @param averageWaitSeconds of the answered calls, or null when none was answered
     * @param answeredInTimeShare answered within the target, as a share of the calls offered (0..1), or null
     * @param peakWaiting         the most callers waiting at the same moment
     */
    public record Hour(int hour, int offered, int answered, int abandoned, Double averageWaitSeconds,
                       int longestWaitSeconds, Double answeredInTimeShare, int peakWaiting, boolean overloaded) {

        public Double abandonedShare() {
            return offered == 0 ? null : (double) abandoned / offered;
        }
    }

    public record Day(LocalDate date, List<Hour> hours, Hour total, long answerTargetSeconds, int maxWaiting) {
    }

    private final CallRecords calls;
    private final PhoneProperties properties;

    PhoneQueueFigures(CallRecords calls, PhoneProperties properties) {
        this.calls = calls;
        this.properties = properties;
    }

    public Day of(LocalDate date) {
        ZonedDateTime start = date.atStartOfDay(properties.zone());
        List<CallRecord> day = calls.inboundBetween(start.toInstant(), start.plusDays(1).toInstant());
        List<Hour> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            Instant from = start.plusHours(hour).toInstant();
            Instant to = start.plusHours(hour + 1).toInstant();
            List<CallRecord> offered = day.stream()
                    .filter(c -> !c.startedAt().isBefore(from) && c.startedAt().isBefore(to)).toList();
            hours.add(figures(hour, offered, peakWaiting(day, from, to)));
        }
        Hour total = figures(-1, day, hours.stream().mapToInt(Hour::peakWaiting).max().orElse(0));
        return new Day(date, hours, total, properties.answerTarget().toSeconds(), properties.maxWaiting());
    }

    private Hour figures(int hour, List<CallRecord> offered, int peakWaiting) {
        List<CallRecord> answered = offered.stream().filter(c -> c.answeredAt() != null).toList();
        long inTime = answered.stream()
                .filter(c -> c.waitSeconds() <= properties.answerTarget().toSeconds()).count();
        return new Hour(hour, offered.size(), answered.size(), (int) offered.stream().filter(CallRecord::abandoned)
                .count(),
                answered.isEmpty() ? null : answered.stream().mapToInt(CallRecord::waitSeconds).average().orElse(0),
                offered.stream().mapToInt(CallRecord::waitSeconds).max().orElse(0),
                offered.isEmpty() ? null : (double) inTime / offered.size(), peakWaiting,
                peakWaiting > properties.maxWaiting());
    }

    /** The most callers waiting at once within [from, to): a sweep over the start and end of every wait. */
    private static int peakWaiting(List<CallRecord> day, Instant from, Instant to) {
        record Edge(Instant at, int change) {
        }
        List<Edge> edges = new ArrayList<>();
        for (CallRecord call : day) {
            Instant waitEnd = call.startedAt().plusSeconds(call.waitSeconds());
            if (call.waitSeconds() > 0 && call.startedAt().isBefore(to) && waitEnd.isAfter(from)) {
                edges.add(new Edge(call.startedAt().isBefore(from) ? from : call.startedAt(), 1));
                edges.add(new Edge(waitEnd, -1));
            }
        }
        // At the same instant a caller leaving the queue is counted before one joining it.
        edges.sort(Comparator.comparing(Edge::at).thenComparingInt(Edge::change));
        int waiting = 0;
        int peak = 0;
        for (Edge edge : edges) {
            waiting += edge.change();
            peak = Math.max(peak, waiting);
        }
        return peak;
    }
}
