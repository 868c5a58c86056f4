package org.herald.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** Herald's HTTP API, at {@code /api}. */
@ApplicationPath("api")
public class HeraldApi extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Jersey (Payara) would resolve a relative Location against the request's Host header
        return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
