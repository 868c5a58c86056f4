package org.herald.bench;

import java.net.URI;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** What every phase against the bench server needs, from the common arguments. */
record PhaseContext(Args args) {
    Path phases() {
        return Path.of(args.get("run"), "phases");
    }

    ActiveMQConnectionFactory factory() {
        return Broker.factory(args.get("broker"));
    }

    String user() {
        return args.get("user");
    }

    String password() {
        return args.get("password");
    }

    long serverPid() {
        return Long.parseLong(args.get("server-pid"));
    }

    int managementPort() {
        return Integer.parseInt(args.get("management-port"));
    }

    Health health() {
        return new Health(managementPort());
    }

    ServerJmx jmx() throws Exception {
        return new ServerJmx(Path.of(args.get("jboss-client")), managementPort());
    }

    String tag() {
        return Long.toString(System.currentTimeMillis(), 36);
    }

    /** The source of the real user.registered the probe caught. */
    URI userServiceSource() throws Exception {
        return URI.create(JsonFiles.read(phases().resolve("probe.json"))
                .getJsonObject("user_registered")
                .getString("source"));
    }
}
