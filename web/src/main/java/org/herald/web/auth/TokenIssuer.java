package org.herald.web.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herald.events.auth.DevelopmentKey;
import org.herald.user.UserProfile;

/**
 * Issues the tokens of {@code POST /api/auth/login}: RS256-signed JWTs in the
 * shape MicroProfile JWT verifies ({@code iss}, {@code sub}, {@code upn},
 * {@code groups}, {@code exp}). Every user is in group {@code user}; the
 * emails listed in {@code herald.admin.emails} also in {@code admin}.
 */
@ApplicationScoped
public class TokenIssuer {

    static final String USER = "user";
    static final String ADMIN = "admin";

    private static final Logger LOG = Logger.getLogger(TokenIssuer.class.getName());

    /** What the login answers: the token and how many seconds it is valid. */
    public record Token(String token, long expiresIn) {}

    /** Set in events' microprofile-config.properties, where MicroProfile JWT reads it on every server. */
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "herald.jwt.lifetime-seconds", defaultValue = "3600")
    long lifetimeSeconds;

    @Inject
    @ConfigProperty(name = "herald.jwt.private-key")
    Optional<String> privateKey;

    /** Comma-separated. Read as one string: Payara's Config cannot inject {@code Optional<List<String>>}. */
    @Inject
    @ConfigProperty(name = "herald.admin.emails")
    Optional<String> adminEmails;

    private RSASSASigner signer;

    /** Made at start-up, so that the warning below is in the log before the first login. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        LOG.fine(() -> "Tokens are signed for issuer " + issuer);
    }

    @PostConstruct
    void loadKey() {
        if (privateKey.isPresent()) {
            signer = new RSASSASigner(parse(privateKey.get()));
        } else {
            LOG.warning("No herald.jwt.private-key configured: Herald signs its tokens with a key pair made at"
                    + " start-up. Tokens do not survive a restart and other nodes refuse them. For production,"
                    + " configure herald.jwt.private-key (PKCS#8 PEM) and mp.jwt.verify.publickey (its public key).");
            signer = new RSASSASigner(DevelopmentKey.pair().getPrivate());
        }
    }

    public Token issue(UserProfile user) {
        Instant now = Instant.now();
        List<String> groups = Arrays.stream(adminEmails.orElse("").split(","))
                        .anyMatch(email -> email.trim().toLowerCase(Locale.ROOT).equals(user.email()))
                ? List.of(USER, ADMIN)
                : List.of(USER);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(user.id())
                .claim("upn", user.email())
                .claim("groups", groups)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(lifetimeSeconds)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return new Token(jwt.serialize(), lifetimeSeconds);
    }

    private static PrivateKey parse(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("herald.jwt.private-key is not an RSA private key in PKCS#8 PEM", e);
        }
    }
}
