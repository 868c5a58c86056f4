package org.herald.systemtests;

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
}
