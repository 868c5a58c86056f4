package org.herald.systemtests;

import jakarta.json.JsonArray;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Base of the black-box tests: Arquillian deploys Herald exactly as built
 * and the test talks to it from outside, over HTTP and the broker's port.
 */
abstract class BlackBoxTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Deployment(testable = false)
    static Archive<?> deployment() {
        return HeraldDeployment.application();
    }

    final HeraldClient herald = new HeraldClient();

    /** The user's orders once the first is there (the order service opens it from user.registered); fails at the deadline. */
    JsonArray awaitOrders(String userId) {
        return Poll.until(
                () -> HeraldClient.json(herald.get("/api/orders?userId=" + userId))
                        .asJsonArray(),
                list -> !list.isEmpty(),
                TIMEOUT,
                "the order of user " + userId);
    }
}
