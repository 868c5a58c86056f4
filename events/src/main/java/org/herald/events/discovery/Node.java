package org.herald.events.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This Herald node's name: {@code herald.node.name}, else the server's own (WildFly, Payara), else the host name. */
@ApplicationScoped
public class Node {

    @Inject
    @ConfigProperty(name = "herald.node.name")
    Optional<String> configured;

    public String name() {
        return configured
                .or(() -> Optional.ofNullable(System.getProperty("jboss.node.name")))
                .or(() -> Optional.ofNullable(System.getProperty("com.sun.aas.instanceName")))
                .orElseGet(Node::hostName);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
