package io.kefu.portal.internal;

import java.time.Duration;

/** What a link emailed to a customer does, and how long it works. */
public enum TokenPurpose {
    /** Signs her in; short-lived, as anyone reading her mail later could use it. */
    SIGN_IN_LINK(Duration.ofMinutes(15)),
    /** Proves her email (and makes a sign-up's password hers), then signs her in. */
    VERIFY(Duration.ofHours(24)),
    /** Staff invited her: she chooses a password. */
    INVITE(Duration.ofDays(7)),
    /** She forgot her password: she chooses a new one. */
    RESET(Duration.ofHours(1));

    private final Duration lifetime;

    TokenPurpose(Duration lifetime) {
        this.lifetime = lifetime;
    }

    Duration lifetime() {
        return lifetime;
    }

    /** Invitations and resets lead to a form for a new password; the other links sign in with one click. */
    public boolean choosesPassword() {
        return this == INVITE || this == RESET;
    }
}
