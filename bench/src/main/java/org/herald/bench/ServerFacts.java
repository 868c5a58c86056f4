package org.herald.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * What the bench's server actually ran on, read from the server itself
 * through its JMX view of the management model: product and version, the
 * JVM, and Herald's datasource (driver, resolved URL).
 */
final class ServerFacts {

    private ServerFacts() {}

    static JsonObject read(ServerJmx jmx) throws Exception {
        String datasource = "jboss.as:subsystem=datasources,data-source=HeraldDS";
        String driver = String.valueOf(jmx.attribute(datasource, "driverName"));
        return Json.createObjectBuilder()
                .add(
                        "runtime",
                        jmx.attribute("jboss.as:management-root=server", "productName") + " "
                                + jmx.attribute("jboss.as:management-root=server", "productVersion"))
                .add(
                        "server_config",
                        String.valueOf(jmx.attribute("jboss.as:core-service=server-environment", "serverName")) + " / "
                                + jmx.attribute("jboss.as:core-service=server-environment", "configFile"))
                .add(
                        "jvm",
                        jmx.attribute("java.lang:type=Runtime", "VmName") + " "
                                + jmx.attribute("java.lang:type=Runtime", "VmVersion"))
                .add("jvm_arguments", String.join(" ", (String[])
                        jmx.attribute("java.lang:type=Runtime", "InputArguments")))
                .add(
                        "database",
                        Json.createObjectBuilder()
                                .add("datasource", "HeraldDS")
                                .add("driver", driver)
                                .add("connection_url", String.valueOf(jmx.attribute(datasource, "connectionUrl")))
                                .add("jta", String.valueOf(jmx.attribute(datasource, "jta"))))
                .build();
    }
}
