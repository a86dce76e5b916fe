package io.hrloop.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Loads the demo calendar and request types through request-service's API, once. */
final class DemoCatalogue {
    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String adminToken;

    DemoCatalogue(String baseUrl, String adminToken) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
    }

    void load() throws IOException {
        JsonNode calendar = resource("demo-calendar.json");
        createIfMissing("/api/v1/calendars", calendar.get("key").asText(), calendar);
        for (JsonNode type : resource("demo-request-types.json")) {
            createIfMissing("/api/v1/request-types", type.get("key").asText(), type);
        }
    }

    private void createIfMissing(String collection, String key, JsonNode body) throws IOException {
        HttpResponse<String> existing = send(HttpRequest.newBuilder(URI.create(baseUrl + collection + "/" + key))
                .header("Authorization", "Bearer " + adminToken).GET());
        if (existing.statusCode() == 200) {
            return;
        }
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(baseUrl + collection))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (created.statusCode() != 201 && created.statusCode() != 200) {
            throw new IllegalStateException("loading " + collection + "/" + key + " failed with "
                    + created.statusCode() + ": " + created.body());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = DemoCatalogue.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("missing " + name));
            }
            return new ObjectMapper().readTree(in);
        }
    }
}
