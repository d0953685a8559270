package io.kefu.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.kefu.audit.AuditLog;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.kefu.platform.Sha256;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** API tokens: made with a random secret shown once, kept as a SHA-256 hash, revoked at will. */
@Service
@Transactional
public class ApiTokenService {

    static final String SECRET_PREFIX = "kefu_";
    /** "Last used" is kept to the minute: writing it on every call would make every API call a write. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final StaffRepository staff;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final GrantGuard grants;
    private final TokenHolders holders;

    ApiTokenService(ApiTokenRepository tokens, StaffRepository staff, JdbcClient jdbc, AuditLog audit,
                    GrantGuard grants, TokenHolders holders) {
        this.tokens = tokens;
        this.staff = staff;
        this.jdbc = jdbc;
        this.audit = audit;
        this.grants = grants;
        this.holders = holders;
    }

    /** A token just made, with the secret that will never be shown again. */
    public record IssuedToken(ApiToken token, String secret) {
    }

    @Transactional(readOnly = true)
    public List<ApiToken> all() {
        return tokens.findAllByOrderByIdDesc();
    }

    public IssuedToken issue(String name, long staffId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new IssuedToken(issueWithSecret(name, staffId, secret), secret);
    }

    /** For unattended set-up, where the deployment chose the secret ({@code KEFU_BOOTSTRAP_TOKEN}). */
    public ApiToken issueWithSecret(String name, long staffId, String secret) {
        Staff owner = staff.findById(staffId).orElseThrow(() -> DomainException.onField(
                HttpStatus.BAD_REQUEST, "staffId", "error.notFound.staff", staffId));
        // A token acts with its owner's permissions: making one for someone is granting them.
        grants.requireMayGrant(owner.getRoles(), "staffId");
        // The prefix that identifies a token on screen never shows more than a third of a short secret.
        String prefix = secret.substring(0, Math.min(9, secret.length() / 3));
        ApiToken token = tokens.save(new ApiToken(name.trim(), owner, prefix, Sha256.hex(secret)));
        audit.record("apiToken.created", "apiToken", token.getId(), token.getName() + " → " + owner.getUsername());
        return token;
    }

    public void revoke(long id) {
        ApiToken token = tokens.findById(id).orElseThrow(() -> DomainException.notFound("apiToken", id));
        token.revoke();
        audit.record("apiToken.revoked", "apiToken", id, token.getName());
    }

    /**
     * The staff member a live token acts for, if the secret belongs to one whose owner may still sign in. Outside a
     * transaction: one look-up on every API call needs none, nor does the rare "last used" mark.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<StaffPrincipal> authenticate(String secret) {
        String hash = Sha256.hex(secret);
        return holders.byActiveTokenHash(hash)
                .map(holder -> {
                    Instant now = Instant.now();
                    if (holder.lastUsedAt() == null || holder.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
                        markUsed(holder.tokenId(), now);
                        holders.markedUsed(hash, now);
                    }
                    return holder.principal();
                })
                .filter(principal -> principal.isEnabled() && principal.isAccountNonLocked());
    }

    // A plain UPDATE rather than a dirty entity: concurrent calls with one token must not collide on a version.
    private void markUsed(long tokenId, Instant now) {
        jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("id", tokenId)
                .update();
    }
}
