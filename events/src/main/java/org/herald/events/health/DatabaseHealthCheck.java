package org.herald.events.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.herald.events.JndiNames;
import org.herald.events.discovery.Jndi;

/** Ready when a connection from Herald's datasource answers. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    @Override
    public HealthCheckResponse call() {
        String name = Jndi.name(JndiNames.DATASOURCE_KEY, JndiNames.DATASOURCE);
        var response = HealthCheckResponse.named("database").withData("datasource", name);
        try (Connection connection = Jndi.lookup(DataSource.class, JndiNames.DATASOURCE_KEY, JndiNames.DATASOURCE)
                .getConnection()) {
            return response.status(connection.isValid(TIMEOUT_SECONDS)).build();
        } catch (Exception e) {
            return response.down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
