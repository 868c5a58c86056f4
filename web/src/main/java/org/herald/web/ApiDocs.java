package org.herald.web;

/** Names the OpenAPI annotations share: the security scheme of the login token and the media type of errors. */
public final class ApiDocs {

    /** The bearer-token security scheme ({@code Authorization: Bearer <token from POST /api/auth/login>}). */
    public static final String TOKEN = "token";

    public static final String PROBLEM = "application/problem+json";

    private ApiDocs() {}
}
