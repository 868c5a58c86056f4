/**
 * Herald's JAX-RS API under {@code /api}. Resources hold no business logic:
 * they validate, find the service through {@link org.herald.web.ServiceLocator}
 * and translate to HTTP.
 */
package org.herald.web;
