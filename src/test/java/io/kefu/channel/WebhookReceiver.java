package io.kefu.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A real HTTP server standing for the system behind a channel: it records every reply Kefu posts to it. */
final class WebhookReceiver implements AutoCloseable {

    record Received(String timestamp, String signature, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final int port;
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    /** A receiver on a free port, not listening yet: replies to it find nobody there. */
    static WebhookReceiver down() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return new WebhookReceiver(probe.getLocalPort());
        }
    }

    static WebhookReceiver up() throws IOException {
        WebhookReceiver receiver = down();
        receiver.start();
        return receiver;
    }

    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/replies", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-Kefu-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Kefu-Signature"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://localhost:" + port + "/replies";
    }

    List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
