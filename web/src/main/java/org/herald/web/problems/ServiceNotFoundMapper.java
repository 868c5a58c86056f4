package org.herald.web.problems;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.herald.events.discovery.ServiceNotFound;

/** A service the request needs is not deployed or not bound: 503, naming it; the log says the same. */
@Provider
public class ServiceNotFoundMapper implements ExceptionMapper<ServiceNotFound> {

    private static final Logger LOG = Logger.getLogger(ServiceNotFoundMapper.class.getName());

    @Override
    public Response toResponse(ServiceNotFound e) {
        LOG.warning(e::getMessage);
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()))
                .header("Retry-After", 5)
                .build();
    }
}
