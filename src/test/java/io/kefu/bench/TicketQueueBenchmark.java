package io.kefu.bench;

import java.util.Arrays;

import io.kefu.WebSession;

/**
 * The queue page as an agent opens it: {@code /tickets?queue=MY_GROUPS} (100 rows of her skill groups' open
 * tickets, with customers, staff and deadlines), signed in through the form like a browser, and its htmx refresh.
 * Prints the latency percentiles.
 * <p>Usage: {@code TicketQueueBenchmark <port> <username> <password> <requests>}
 */
public final class TicketQueueBenchmark {

    private TicketQueueBenchmark() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int requests = Integer.parseInt(args[3]);
        WebSession session = new WebSession(port);
        session.signIn(args[1], args[2]);
        for (String path : new String[] {"/tickets?queue=MY_GROUPS&sort=DUE", "/tickets?queue=OPEN&sort=NEWEST"}) {
            measure(session, path, requests, false);
            measure(session, path, requests, true);
        }
    }

    private static void measure(WebSession session, String path, int requests, boolean htmx) {
        for (int i = 0; i < 100; i++) {
            fetch(session, path, htmx);
        }
        long[] latencies = new long[requests];
        int rows = 0;
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            WebSession.Page page = fetch(session, path, htmx);
            latencies[i] = System.nanoTime() - t0;
            if (page.status() != 200) {
                throw new IllegalStateException(path + " answered " + page.status());
            }
            rows = page.body().split("id=\"ticket-row-").length - 1;
        }
        Arrays.sort(latencies);
        System.out.printf("queue page %s%s (%d rows): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms over %d requests%n",
                path, htmx ? " [htmx refresh]" : "", rows, TicketLoadBenchmark.pct(latencies, 50),
                TicketLoadBenchmark.pct(latencies, 95), TicketLoadBenchmark.pct(latencies, 99), requests);
    }

    private static WebSession.Page fetch(WebSession session, String path, boolean htmx) {
        return htmx ? session.htmxGet(path) : session.get(path);
    }
}
