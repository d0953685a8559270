package io.kefu.portal.internal;

import java.nio.charset.StandardCharsets;

import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Customers' passwords: 8 to 64 characters (72 bytes, what BCrypt reads) with letters and digits, hashed by the
 * application's password encoder. The staff policy is the identity module's own; customers get a shorter minimum
 * as they type on phones, and have no username a password could contain.
 */
@Component
class CustomerPasswords {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 64;
    private static final int MAX_BYTES = 72;

    private final PasswordEncoder encoder;
    /** Compared against when no account has the email, so that a miss takes as long as a wrong password. */
    private final String decoy;

    CustomerPasswords(PasswordEncoder encoder) {
        this.encoder = encoder;
        this.decoy = encoder.encode("no-such-account-1");
    }

    /** @throws DomainException on the field {@code password} naming the first rule broken */
    String hash(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw refused("password.tooShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw refused("password.tooLong", MAX_LENGTH);
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw refused("password.needsLetterAndDigit");
        }
        return encoder.encode(password);
    }

    /** Whether the password matches the hash; a null hash (no password chosen yet) matches nothing. */
    boolean matches(String password, String hash) {
        if (hash == null || password == null) {
            encoder.matches(password == null ? "" : password, decoy);
            return false;
        }
        return encoder.matches(password, hash);
    }

    private static DomainException refused(String key, Object... args) {
        return DomainException.onField(HttpStatus.BAD_REQUEST, "password", key, args);
    }
}
