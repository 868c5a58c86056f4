package org.herald.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The bench server's JMX, over its management port ({@code remote+http}) with
 * the management user. WildFly's client library ({@code bin/client/jboss-client.jar})
 * bundles its own Artemis, Netty and JSON-P, so it is loaded in a class loader
 * of its own, beside the bench's classpath, not on it.
 */
final class ServerJmx implements AutoCloseable {

    static final String MANAGEMENT_USER = "herald-admin";
    static final String MANAGEMENT_PASSWORD = "herald-admin-1";

    private final JMXConnector connector;
    private final MBeanServerConnection server;

    ServerJmx(Path jbossClientJar, int managementPort) throws Exception {
        ClassLoader loader =
                new URLClassLoader(new URL[] {jbossClientJar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Map<String, Object> env = new HashMap<>();
        env.put(JMXConnector.CREDENTIALS, new String[] {MANAGEMENT_USER, MANAGEMENT_PASSWORD});
        env.put(JMXConnectorFactory.PROTOCOL_PROVIDER_CLASS_LOADER, loader);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            connector = JMXConnectorFactory.connect(
                    new JMXServiceURL("service:jmx:remote+http://127.0.0.1:" + managementPort), env);
            server = connector.getMBeanServerConnection();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    Object attribute(String objectName, String attribute) throws Exception {
        return server.getAttribute(new ObjectName(objectName), attribute);
    }

    void invoke(String objectName, String operation) throws Exception {
        server.invoke(new ObjectName(objectName), operation, null, null);
    }

    @Override
    public void close() throws Exception {
        connector.close();
    }
}
