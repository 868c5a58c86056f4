package org.herald.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.herald.user.UserProfile;
import org.junit.jupiter.api.Test;

/** The configured-key path: a PKCS#8 PEM in herald.jwt.private-key signs the tokens, checked with its public half. */
class TokenIssuerTest {

    @Test
    void aConfiguredKeySignsTokensItsPublicKeyVerifies() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        TokenIssuer issuer = issuer(
                Optional.of("-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes())
                                .encodeToString(pair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n"),
                Optional.of(" ADA@example.com , root@example.com"));

        SignedJWT token =
                SignedJWT.parse(issuer.issue(new UserProfile("u-1", "ada@example.com", "Ada", OffsetDateTime.now()))
                        .token());

        assertTrue(token.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic())));
        assertEquals("herald", token.getJWTClaimsSet().getIssuer());
        assertEquals("u-1", token.getJWTClaimsSet().getSubject());
        assertEquals(List.of("user", "admin"), token.getJWTClaimsSet().getStringListClaim("groups"));
    }

    @Test
    void aKeyThatIsNoPkcs8RsaKeyStopsTheStartWithTheKeysName() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> issuer(
                        Optional.of("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----"),
                        Optional.empty()));

        assertTrue(e.getMessage().contains("herald.jwt.private-key"), e.getMessage());
    }

    private static TokenIssuer issuer(Optional<String> privateKey, Optional<String> admins) {
        TokenIssuer issuer = new TokenIssuer();
        issuer.issuer = "herald";
        issuer.lifetimeSeconds = 600;
        issuer.privateKey = privateKey;
        issuer.adminEmails = admins;
        issuer.loadKey();
        return issuer;
    }
}
