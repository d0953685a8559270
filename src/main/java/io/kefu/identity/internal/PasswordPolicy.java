package io.kefu.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;

import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The rules a staff password must meet: 10 to 64 characters (72 bytes), at least one letter and one digit, and not
 * containing the username. Also makes passwords that meet them, for first start and admin resets.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 64;
    static final int MAX_BYTES = 72;
    private static final String LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** @throws DomainException on the field {@code password} naming the first rule broken */
    public void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw refused("password.tooShort", MIN_LENGTH);
        }
        // BCrypt reads at most 72 bytes; a longer password would be cut silently, or refused with an error.
        if (password.length() > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw refused("password.tooLong", MAX_LENGTH);
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw refused("password.needsLetterAndDigit");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw refused("password.containsUsername");
        }
    }

    /** A random 16-character password that meets the rules, without look-alike characters (0/O, 1/l). */
    public String generate() {
        String all = LETTERS + DIGITS;
        StringBuilder password = new StringBuilder();
        password.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        password.append(DIGITS.charAt(RANDOM.nextInt(DIGITS.length())));
        while (password.length() < 16) {
            password.append(all.charAt(RANDOM.nextInt(all.length())));
        }
        return password.toString();
    }

    private static DomainException refused(String key, Object... args) {
        return DomainException.onField(HttpStatus.BAD_REQUEST, "password", key, args);
    }
}
