package org.herald.bench;

import io.cloudevents.CloudEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Order per subject: {@code perSubject} sequenced {@code user.registered}
 * (sequence 1..n) for each of {@code subjects} users, interleaved (round by
 * round, subjects shuffled in each round), published in big transactions
 * while the subscription runs. At the external subscriber, each user's
 * {@code order.created} events must arrive in the order of their causes'
 * sequence numbers, strictly increasing.
 */
final class SequencedOrder {

    private SequencedOrder() {}

    static void run(Args args) throws Exception {
        PhaseContext ctx = new PhaseContext(args);
        int subjects = args.getInt("subjects", 1000);
        int perSubject = args.getInt("per-subject", 10);
        Registrations registrations = new Registrations(ctx.userServiceSource(), "order-" + ctx.tag());
        Map<String, Preload.Published> causes = new ConcurrentHashMap<>();
        SequenceCheck check = new SequenceCheck();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < subjects; i++) {
            users.add(UUID.randomUUID().toString());
        }
        Random random = new Random(args.getInt("seed", 9));
        try (OrderCreatedArrivals arrivals = new OrderCreatedArrivals(ctx.factory(), (cause, nanos) -> {
                    Preload.Published published = causes.get(cause);
                    if (published != null) {
                        check.arrived(published.subject(), published.sequence());
                    }
                });
                Publisher publisher =
                        new Publisher(ctx.factory(), ctx.user(), ctx.password(), Broker.address("user.events"))) {
            long start = System.nanoTime();
            int n = 0;
            for (int sequence = 1; sequence <= perSubject; sequence++) {
                Collections.shuffle(users, random);
                for (String user : users) {
                    CloudEvent event = registrations.event(user, sequence, ++n);
                    causes.put(event.getId(), new Preload.Published(event.getId(), user, sequence));
                    publisher.send(event);
                    if (n % Preload.PER_TRANSACTION == 0) {
                        publisher.commit();
                    }
                }
            }
            publisher.commit();
            long missing = arrivals.await(List.copyOf(causes.keySet()), 180);
            double seconds = (arrivals.lastArrival() - start) / 1e9;
            JsonObject result = Json.createObjectBuilder()
                    .add(
                            "method",
                            subjects + " users x " + perSubject + " sequenced user.registered (sequence 1.."
                                    + perSubject
                                    + " per user), interleaved (each round of sequence numbers in a shuffled user"
                                    + " order), published in transactions of " + Preload.PER_TRANSACTION + " while the"
                                    + " subscription runs; each user's order.created must arrive at the external subscriber in"
                                    + " strictly increasing order of their causes' sequence")
                    .add("subjects", subjects)
                    .add("events_per_subject", perSubject)
                    .add("events", n)
                    .add("arrived", check.arrivals())
                    .add("missing", missing)
                    .add("order_violations", check.violations())
                    .add("first_violation", String.valueOf(check.firstViolation()))
                    .add("subjects_incomplete", subjects - check.subjects() + check.subjectsBelow(perSubject))
                    .add("orders_made_twice", arrivals.secondOrders())
                    .add("seconds", ProcSampler.round(seconds))
                    .add("in_order", check.violations() == 0 && missing == 0)
                    .build();
            JsonFiles.write(ctx.phases().resolve("order.json"), result);
            System.out.printf(
                    "order: %d events for %d subjects, %d arrived, %d missing, %d out of order (%s)%n",
                    n,
                    subjects,
                    check.arrivals(),
                    missing,
                    check.violations(),
                    check.violations() == 0 ? "every subject strictly increasing" : check.firstViolation());
        }
    }
}
