package io.kefu.portal.internal;

import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The email a web form's sender gave with her ticket, for telling her of replies. */
@Repository
class FormTicketContacts {

    record Contact(String email, Locale locale) {
    }

    private final JdbcClient jdbc;

    FormTicketContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void remember(long ticketId, String email, Locale locale) {
        jdbc.sql("INSERT INTO portal_form_ticket (ticket_id, email, language) VALUES (:ticket, :email, :language) "
                        + "ON CONFLICT (ticket_id) DO NOTHING")
                .param("ticket", ticketId).param("email", email).param("language", locale.toLanguageTag()).update();
    }

    Optional<Contact> of(long ticketId) {
        return jdbc.sql("SELECT email, language FROM portal_form_ticket WHERE ticket_id = :ticket")
                .param("ticket", ticketId)
                .query((rs, n) -> new Contact(rs.getString(1), Locale.forLanguageTag(rs.getString(2)))).optional();
    }
}
