package org.herald.bench;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.herald.events.EventEnvelope;
import org.herald.events.catalogue.EventType;
import org.herald.events.catalogue.UserRegistered;

/**
 * {@code user.registered} events built the way Herald's user service builds
 * them ({@link EventEnvelope} and the catalogue's data record), from the
 * source the probe saw on a real one, numbered within their subject (the
 * user's id) as Herald's event store numbers them.
 */
final class Registrations {

    private final URI source;
    private final String tag;

    Registrations(URI source, String tag) {
        this.source = source;
        this.tag = tag;
    }

    /** The first event of a new user. */
    CloudEvent newUser(long n) {
        return event(UUID.randomUUID().toString(), 1, n);
    }

    /** Event number {@code sequence} of {@code userId}'s subject. */
    CloudEvent event(String userId, long sequence, long n) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        UserRegistered data =
                new UserRegistered(userId, "pipe-" + tag + "-" + n + "@bench.herald.test", "Bench User " + n, now);
        CloudEvent event = EventEnvelope.first(EventType.USER_REGISTERED, source, userId, data);
        return CloudEventBuilder.v1(event)
                .withExtension(EventEnvelope.SEQUENCE, EventEnvelope.sequence(sequence))
                .build();
    }
}
