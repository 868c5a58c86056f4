package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black box: login, the token it gives, and who may reach an admin resource
 * ({@code /api/dlq}): nobody without a valid token (401), a user only as
 * admin (403 otherwise); a token Herald did not sign, or changed after
 * signing, counts as none.
 */
@ExtendWith(ArquillianExtension.class)
class AuthSystemIT extends BlackBoxTest {

    @Test
    void aRegisteredUserLogsInAndGetsASignedTokenForTheirId() throws Exception {
        String email = HeraldClient.uniqueEmail();
        String userId = HeraldClient.object(herald.postJson("/api/users", HeraldClient.registration(email)))
                .getString("id");
        try (ExternalSubscriber userEvents = new ExternalSubscriber("user.events")) {
            HttpResponse<String> login = herald.postJson("/api/auth/login", credentials(email, HeraldClient.PASSWORD));
            assertEquals(200, login.statusCode(), login.body());
            JsonObject answer = HeraldClient.object(login);
            JsonObject claims = claims(answer.getString("token"));
            assertAll(
                    () -> assertTrue(answer.getJsonNumber("expiresIn").longValue() > 0, answer.toString()),
                    () -> assertEquals("herald", claims.getString("iss")),
                    () -> assertEquals(userId, claims.getString("sub")),
                    () -> assertEquals(email, claims.getString("upn")),
                    () -> assertEquals(
                            List.of("user"),
                            claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString)),
                    () -> assertTrue(claims.getJsonNumber("exp").longValue()
                            > Instant.now().getEpochSecond()));
            var events = userEvents.receiveUntil(ExternalSubscriber.typeAndSubject("user.logged-in", userId), TIMEOUT);
            assertTrue(events.get(events.size() - 1).getText().contains(email));
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        String email = HeraldClient.uniqueEmail();
        herald.postJson("/api/users", HeraldClient.registration(email));
        HttpResponse<String> wrongPassword = herald.postJson("/api/auth/login", credentials(email, "not-the-password"));
        HttpResponse<String> unknownEmail =
                herald.postJson("/api/auth/login", credentials(HeraldClient.uniqueEmail(), HeraldClient.PASSWORD));
        assertAll(
                () -> assertEquals(401, wrongPassword.statusCode()),
                () -> assertEquals(401, unknownEmail.statusCode()),
                () -> assertEquals(
                        "application/problem+json",
                        wrongPassword.headers().firstValue("Content-Type").orElse("")),
                () -> assertEquals(wrongPassword.body(), unknownEmail.body()));
    }

    @Test
    void fiveFailuresInARowLockTheEmailWith429AndTheAccountLeavesOneLoginFailedEvent() throws Exception {
        String email = HeraldClient.uniqueEmail();
        String userId = HeraldClient.object(herald.postJson("/api/users", HeraldClient.registration(email)))
                .getString("id");
        try (ExternalSubscriber userEvents = new ExternalSubscriber("user.events")) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                HttpResponse<String> wrong = herald.postJson("/api/auth/login", credentials(email, "wrong-" + attempt));
                assertEquals(401, wrong.statusCode(), "attempt " + attempt + ": " + wrong.body());
            }
            HttpResponse<String> locked = herald.postJson("/api/auth/login", credentials(email, HeraldClient.PASSWORD));

            assertAll(
                    () -> assertEquals(429, locked.statusCode(), locked.body()),
                    () -> assertEquals(
                            "application/problem+json",
                            locked.headers().firstValue("Content-Type").orElse("")),
                    () -> assertTrue(Long.parseLong(
                                    locked.headers().firstValue("Retry-After").orElse("0"))
                            > 0));
            var events =
                    userEvents.receiveUntil(ExternalSubscriber.typeAndSubject("user.login-failed", userId), TIMEOUT);
            JsonObject data = Json.createReader(new java.io.StringReader(
                            events.get(events.size() - 1).getText()))
                    .readObject()
                    .getJsonObject("data");
            assertEquals(5, data.getInt("failures"));
            assertEquals(email, data.getString("email"));
            assertTrue(Instant.parse(data.getString("lockedUntil")).isAfter(Instant.now()), data.toString());
        }
    }

    @Test
    void anUnknownEmailIsLockedLikeAKnownOne() {
        String email = HeraldClient.uniqueEmail();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertEquals(
                    401,
                    herald.postJson("/api/auth/login", credentials(email, "guess-" + attempt))
                            .statusCode());
        }
        assertEquals(
                429,
                herald.postJson("/api/auth/login", credentials(email, "guess-6"))
                        .statusCode());
    }

    @Test
    void theDeadLetterListNeedsAToken() {
        HttpResponse<String> response = herald.withToken("GET", "/api/dlq", null);
        assertAll(
                () -> assertEquals(401, response.statusCode(), response.body()),
                () -> assertEquals(
                        "application/problem+json",
                        response.headers().firstValue("Content-Type").orElse("")),
                () -> assertEquals(
                        "Bearer",
                        response.headers().firstValue("WWW-Authenticate").orElse("")));
    }

    @Test
    void aUserWhoIsNoAdminIsRefused() {
        String email = HeraldClient.uniqueEmail();
        herald.postJson("/api/users", HeraldClient.registration(email));
        String token = herald.login(email, HeraldClient.PASSWORD);
        for (String[] call : new String[][] {
            {"GET", "/api/dlq"},
            {"POST", "/api/dlq/" + UUID.randomUUID() + "/redrive"},
            {"DELETE", "/api/dlq/" + UUID.randomUUID()}
        }) {
            HttpResponse<String> response = herald.withToken(call[0], call[1], token);
            assertEquals(403, response.statusCode(), call[0] + " " + call[1] + ": " + response.body());
        }
    }

    @Test
    void aTokenChangedAfterSigningOrSignedByAnotherKeyCountsAsNone() throws Exception {
        String email = HeraldClient.uniqueEmail();
        herald.postJson("/api/users", HeraldClient.registration(email));
        String[] parts = herald.login(email, HeraldClient.PASSWORD).split("\\.");
        JsonObject claims = claims(parts[0] + "." + parts[1] + "." + parts[2]);
        String promoted = Json.createObjectBuilder(claims)
                .add("groups", Json.createArrayBuilder().add("user").add("admin"))
                .build()
                .toString();
        String tampered = parts[0] + "." + base64Url(promoted) + "." + parts[2];

        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        SignedJWT foreign = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer("herald")
                        .subject(claims.getString("sub"))
                        .claim("upn", email)
                        .claim("groups", List.of("user", "admin"))
                        .issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .build());
        foreign.sign(new RSASSASigner(keys.generateKeyPair().getPrivate()));

        for (String token : List.of(tampered, foreign.serialize(), "not-a-token")) {
            HttpResponse<String> response = herald.withToken("GET", "/api/dlq", token);
            assertEquals(401, response.statusCode(), token + ": " + response.body());
        }
    }

    @Test
    void anAdminListsTheDeadLettersAndGets404ForAnUnknownOne() {
        String token = herald.adminToken();
        assertEquals(
                List.of("user", "admin"),
                claims(token).getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString));

        HttpResponse<String> list = herald.withToken("GET", "/api/dlq", token);
        assertEquals(200, list.statusCode(), list.body());
        HeraldClient.json(list).asJsonArray(); // a list, whatever earlier tests left in it
        String unknown = UUID.randomUUID().toString();
        HttpResponse<String> redrive = herald.withToken("POST", "/api/dlq/" + unknown + "/redrive", token);
        HttpResponse<String> drop = herald.withToken("DELETE", "/api/dlq/" + unknown, token);
        assertAll(
                () -> assertEquals(404, redrive.statusCode(), redrive.body()),
                () -> assertEquals(404, drop.statusCode(), drop.body()),
                () -> assertEquals(
                        "application/problem+json",
                        drop.headers().firstValue("Content-Type").orElse("")));
    }

    private static String credentials(String email, String password) {
        return Json.createObjectBuilder()
                .add("email", email)
                .add("password", password)
                .build()
                .toString();
    }

    private static JsonObject claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new java.io.StringReader(payload)).readObject();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
