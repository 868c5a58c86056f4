package org.herald.web.services;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.herald.events.discovery.ServiceRegistry;

/**
 * {@code /api/services}: the service registry as the answering node sees it:
 * each service's name, JNDI name, interface (or external endpoint), version,
 * status and the node.
 */
@Path("services")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {

    @Inject
    ServiceRegistry registry;

    @GET
    @Operation(summary = "The service registry as this node sees it")
    @APIResponse(responseCode = "200", description = "Each service: name, JNDI name or endpoint, version, status, node")
    public List<ServiceRegistry.Service> list() {
        return registry.services();
    }
}
