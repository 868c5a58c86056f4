/**
 * Login and access: {@code POST /api/auth/login} issues a signed JWT
 * (RS256); MicroProfile JWT, the server's, verifies it on every request;
 * {@link org.herald.web.auth.AccessControl} answers 401 or 403 for resources
 * that name their roles with {@code @RolesAllowed}.
 */
package org.herald.web.auth;
