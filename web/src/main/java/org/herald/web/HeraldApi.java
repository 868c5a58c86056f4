package org.herald.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Herald's HTTP API, at {@code /api}. A CDI bean (application scoped) because
 * Payara looks for {@code @LoginConfig} among the beans, and this module
 * discovers annotated beans only.
 */
@ApplicationScoped
@ApplicationPath("api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Herald",
                        version = "1",
                        description =
                                "Users, orders and their events. Errors are application/problem+json (RFC 9457)."))
@SecurityScheme(
        securitySchemeName = ApiDocs.TOKEN,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "The token of POST /api/auth/login")
@LoginConfig(authMethod = "MP-JWT", realmName = "herald")
@DeclareRoles({"user", "admin"})
public class HeraldApi extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Jersey (Payara) would resolve a relative Location against the request's Host header
        return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
