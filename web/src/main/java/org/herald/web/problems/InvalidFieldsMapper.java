package org.herald.web.problems;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Fields of the wrong JSON type: 400 listing them. */
@Provider
public class InvalidFieldsMapper implements ExceptionMapper<InvalidFields> {

    @Override
    public Response toResponse(InvalidFields e) {
        return Problem.response(Response.Status.BAD_REQUEST, ConstraintViolationMapper.DETAIL, e.errors());
    }
}
