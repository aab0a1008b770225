package com.siyu.mall.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;

/** A real HTTP server standing in for one mall service: records what reached it, answers canned responses. */
final class StubService {

    record Recorded(String method, String pathAndQuery, Headers headers) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    record Canned(int status, String contentType, String body, Duration delay) {
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final LinkedBlockingDeque<Recorded> received = new LinkedBlockingDeque<>();
    private final Map<String, Canned> canned = new ConcurrentHashMap<>();

    private StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static StubService start(String name) {
        return new StubService(name);
    }

    /** A base URL where nothing listens: a service that is down. */
    static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    StubService answer(String path, int status, String contentType, String body) {
        canned.put(path, new Canned(status, contentType, body, Duration.ZERO));
        return this;
    }

    StubService answerSlowly(String path, Duration delay) {
        canned.put(path, new Canned(200, "application/json", "{\"slow\":true}", delay));
        return this;
    }

    /** The request that last reached this service, or null if none did since the last {@link #reset()}. */
    Recorded last() {
        return received.peekLast();
    }

    int count() {
        return received.size();
    }

    void reset() {
        received.clear();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Headers headers = new Headers();
        headers.putAll(exchange.getRequestHeaders());
        received.add(new Recorded(exchange.getRequestMethod(), query == null ? path : path + "?" + query, headers));
        exchange.getRequestBody().readAllBytes();

        Canned answer = canned.getOrDefault(path, new Canned(200, "application/json",
                "{\"service\":\"" + name + "\",\"path\":\"" + path + "\"}", Duration.ZERO));
        if (!answer.delay().isZero()) {
            try {
                Thread.sleep(answer.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException clientGone) {
            // the gateway gave up waiting (timeout test); nothing to do
        }
    }
}
