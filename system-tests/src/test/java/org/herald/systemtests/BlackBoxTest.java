package org.herald.systemtests;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * Base of the black-box tests: Arquillian deploys herald.ear exactly as built
 * and the test talks to it from outside, over HTTP and the broker's port.
 */
abstract class BlackBoxTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HeraldDeployment.ear();
    }

    final HeraldClient herald = new HeraldClient();
}
