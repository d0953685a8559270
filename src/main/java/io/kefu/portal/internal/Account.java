package io.kefu.portal.internal;

import java.time.Instant;
import java.util.Locale;

/**
 * A customer's portal account.
 *
 * @param customerId   her customer record, set when her email is verified; null before
 * @param passwordHash null until she chooses a password (invited, or known only from the web form)
 * @param language     the language her emails are written in
 */
record Account(long id, Long customerId, String name, String email, String passwordHash, boolean verified,
               String language, int failedSignIns, Instant lockedUntil) {

    Locale locale() {
        return Locale.forLanguageTag(language);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
