package org.herald.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Herald's HTTP API, at {@code /api}. A CDI bean (application scoped) because
 * Payara looks for {@code @LoginConfig} among the beans, and this module
 * discovers annotated beans only.
 */
@ApplicationScoped
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT", realmName = "herald")
@DeclareRoles({"user", "admin"})
public class HeraldApi extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Jersey (Payara) would resolve a relative Location against the request's Host header
        return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
