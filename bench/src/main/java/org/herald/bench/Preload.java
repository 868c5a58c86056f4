package org.herald.bench;

import io.cloudevents.CloudEvent;
import jakarta.jms.ConnectionFactory;
import java.util.ArrayList;
import java.util.List;

/** Publishes many new users' {@code user.registered} in big transactions, as fast as one producer can. */
final class Preload {

    /** What was published: the event id, its subject (the user id) and its sequence. */
    record Published(String id, String subject, long sequence) {}

    static final int PER_TRANSACTION = 1000;

    private final List<Published> published = new ArrayList<>();
    private double seconds;
    private int messageBytes;

    static Preload newUsers(
            ConnectionFactory factory,
            String user,
            String password,
            String address,
            Registrations registrations,
            int count)
            throws Exception {
        Preload preload = new Preload();
        long start = System.nanoTime();
        try (Publisher publisher = new Publisher(factory, user, password, address)) {
            for (int i = 1; i <= count; i++) {
                CloudEvent event = registrations.newUser(i);
                publisher.send(event);
                preload.published.add(new Published(event.getId(), event.getSubject(), 1));
                if (i % PER_TRANSACTION == 0 || i == count) {
                    publisher.commit();
                }
            }
            preload.messageBytes = publisher.lastMessageBytes();
        }
        preload.seconds = (System.nanoTime() - start) / 1e9;
        return preload;
    }

    List<Published> published() {
        return published;
    }

    List<String> ids() {
        return published.stream().map(Published::id).toList();
    }

    double seconds() {
        return seconds;
    }

    int messageBytes() {
        return messageBytes;
    }
}
