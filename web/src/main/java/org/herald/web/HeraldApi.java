package org.herald.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Herald's HTTP API, at {@code /api}. */
@ApplicationPath("api")
public class HeraldApi extends Application {
}
