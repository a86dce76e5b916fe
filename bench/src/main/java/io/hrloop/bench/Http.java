package io.hrloop.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * A small HTTP/1.1 keep-alive client on one Vert.x event loop: asynchronous for the load (one
 * callback chain per connection) and blocking for the sequential calls of the loop and the reads.
 */
final class Http implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, body and the time from sending to the last byte of the body. */
    record Answer(int status, Buffer body, String etag, long nanos) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body.getBytes());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        double millis() {
            return nanos / 1e6;
        }
    }

    private final Vertx vertx;
    private final HttpClient client;

    Http(int connectionsPerServer) {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1)
                .setBlockedThreadCheckInterval(1).setBlockedThreadCheckIntervalUnit(TimeUnit.HOURS));
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                        .setDefaultHost("localhost").setConnectTimeout(5_000).setIdleTimeout(0),
                new PoolOptions().setHttp1MaxSize(connectionsPerServer).setMaxWaitQueueSize(-1));
    }

    /** Sends a request; {@code body} may be null. The future fails only when no answer came. */
    Future<Answer> send(HttpMethod method, int port, String uri, String token, String body, Map<String, String> headers) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost("localhost").setPort(port).setURI(uri)
                .setTimeout(60_000);
        if (token != null) {
            options.putHeader("Authorization", "Bearer " + token);
        }
        if (body != null) {
            options.putHeader("Content-Type", "application/json");
        }
        headers.forEach(options::putHeader);
        long began = System.nanoTime();
        // The body is asked for in the same callback that gets the response, as Vert.x documents: asked for one
        // future later, the bytes that came with the headers could be gone (a 200 whose JSON lacked its beginning).
        return client.request(options)
                .compose(request -> (body == null ? request.send() : request.send(Buffer.buffer(body)))
                        .compose(response -> response.body().map(bytes -> new Answer(response.statusCode(), bytes,
                                response.getHeader("ETag"), System.nanoTime() - began))));
    }

    Answer call(HttpMethod method, int port, String uri, String token, String body, Map<String, String> headers) {
        CompletableFuture<Answer> result = send(method, port, uri, token, body, headers).toCompletionStage()
                .toCompletableFuture();
        try {
            return result.get(70, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(method + " :" + port + uri + " failed: " + e.getMessage(), e);
        }
    }

    Answer get(int port, String uri, String token) {
        return call(HttpMethod.GET, port, uri, token, null, Map.of());
    }

    Answer post(int port, String uri, String token, String body, Map<String, String> headers) {
        return call(HttpMethod.POST, port, uri, token, body, headers);
    }

    /** The answer if it is 2xx, otherwise an exception that shows it. */
    static Answer ok(Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    /** Whether {@code path} on {@code port} answers 200 within a second. */
    boolean answers200(int port, String path) {
        try {
            return send(HttpMethod.GET, port, path, null, null, Map.of()).toCompletionStage().toCompletableFuture()
                    .get(1, TimeUnit.SECONDS).status() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}
