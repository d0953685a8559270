package io.kefu.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A server-sent event stream read over real HTTP as a browser's EventSource would, one event at a time. */
final class EventStream implements AutoCloseable {

    record Event(String id, String name, JsonNode data) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final java.util.List<Event> history = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final InputStream body;
    private final int status;

    EventStream(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().sendAsync(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
            status = response.statusCode();
            body = response.body();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the stream " + url + " did not answer within 10 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Thread reader = new Thread(this::read, "test-event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    int status() {
        return status;
    }

    /** The next event of that name within the timeout (other events are skipped), or an error. */
    Event next(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("no '" + name + "' event within " + timeout);
                }
                if (event.name().equals(name)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event of that name, or null when none comes within the timeout. */
    Event poll(String name, Duration timeout) {
        try {
            return next(name, timeout);
        } catch (AssertionError none) {
            return null;
        }
    }

    /** Every event received so far, whether or not it was taken with {@link #next}. */
    java.util.List<Event> history() {
        return java.util.List.copyOf(history);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        Event event = new Event(id, name, JSON.readTree(data.toString()));
                        history.add(event);
                        events.add(event);
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
        } catch (IOException closed) {
            // the test closed the stream
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
