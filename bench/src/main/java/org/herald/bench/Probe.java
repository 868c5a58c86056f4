package org.herald.bench;

import io.cloudevents.CloudEvent;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQMessage;
import org.herald.events.jms.CloudEventMessages;

/**
 * One real registration over HTTP, caught on the broker: the user.registered
 * and the order.created it causes. Their size sets the raw benchmark's message
 * size, and the user.registered's source is the one the bench's own events carry.
 */
final class Probe {

    private Probe() {}

    static void run(Args args) throws Exception {
        Path phases = Path.of(args.get("run"), "phases");
        ActiveMQConnectionFactory factory = Broker.factory(args.get("broker"));
        CompletableFuture<Message> registered = new CompletableFuture<>();
        CompletableFuture<Message> created = new CompletableFuture<>();
        String email = "probe-" + System.currentTimeMillis() + "@bench.herald.test";
        try (JMSContext users = Broker.subscribe(factory, "user.events", null, registered::complete);
                JMSContext orders = Broker.subscribe(factory, "order.events", null, created::complete)) {
            HttpClient http = HttpClient.newHttpClient();
            String body =
                    "{\"email\":\"" + email + "\",\"name\":\"Bench Probe\",\"password\":\"correct-horse-battery\"}";
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(args.get("http") + "/api/users"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("registration gave " + response.statusCode() + ": " + response.body());
            }
            Message event = registered.get(30, TimeUnit.SECONDS);
            Message order = created.get(30, TimeUnit.SECONDS);
            JsonObject userRegistered = describe(event);
            JsonObject orderCreated = describe(order);
            JsonFiles.write(
                    phases.resolve("probe.json"),
                    Json.createObjectBuilder()
                            .add("registration_status", response.statusCode())
                            .add("user_registered", userRegistered)
                            .add("order_created", orderCreated)
                            .add(
                                    "note",
                                    "message_bytes = the Artemis core message's encoded size (body as the broker stores it,"
                                            + " plus headers and properties); the raw perf client sends BytesMessages of this size")
                            .build());
            Files.writeString(phases.resolve("event-size.txt"), String.valueOf(userRegistered.getInt("message_bytes")));
            System.out.println("user.registered: " + userRegistered);
            System.out.println("order.created:   " + orderCreated);
        }
    }

    static JsonObject describe(Message message) throws Exception {
        String body = Broker.text(message);
        JsonObjectBuilder properties = Json.createObjectBuilder();
        for (Object name : Collections.list(message.getPropertyNames())) {
            Object value = message.getObjectProperty((String) name);
            properties.add((String) name, String.valueOf(value));
        }
        int encoded = ((ActiveMQMessage) message).getCoreMessage().getEncodeSize();
        CloudEvent event = CloudEventMessages.read(message);
        return Json.createObjectBuilder()
                .add("id", event.getId())
                .add("type", event.getType())
                .add("source", event.getSource().toString())
                .add("subject", event.getSubject())
                .add("body", body)
                .add("body_utf8_bytes", body.getBytes(StandardCharsets.UTF_8).length)
                .add("message_bytes", encoded)
                .add("properties", properties)
                .build();
    }
}
