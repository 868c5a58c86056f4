package org.herald.events.store;

import io.cloudevents.CloudEvent;
import java.time.OffsetDateTime;

/**
 * An event as the store holds it: its position in the store, the event
 * ({@code sequence} included), when the relay last published it (null while
 * it waits) and how often it was replayed.
 */
public record StoredEvent(long position, CloudEvent event, OffsetDateTime publishedAt, int replays) {}
