/**
 * The API's documentation: MicroProfile OpenAPI (the server's {@code /openapi},
 * from the resources' annotations) and Swagger UI on it at {@code /api-docs}.
 */
package org.herald.web.docs;
