package io.kefu.portal.internal;

import java.util.regex.Pattern;

import io.kefu.platform.DomainException;
import io.kefu.platform.Text;
import org.springframework.http.HttpStatus;

/** Names and emails customers type on the public pages, checked before anything is looked up or stored. */
final class ContactInput {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int NAME_LENGTH = 100;
    private static final int EMAIL_LENGTH = 254;

    private ContactInput() {
    }

    /** @throws DomainException on the field {@code name} when blank */
    static String name(String name) {
        String stripped = Text.blankToNull(name);
        if (stripped == null) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "name", "portal.nameRequired");
        }
        return Text.truncate(stripped, NAME_LENGTH);
    }

    /** The email in lower case. @throws DomainException on the field {@code email} when it cannot be one */
    static String email(String email) {
        String normalised = AccountStore.normalise(email);
        if (normalised.length() > EMAIL_LENGTH || !EMAIL.matcher(normalised).matches()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "email", "portal.emailInvalid");
        }
        return normalised;
    }
}
