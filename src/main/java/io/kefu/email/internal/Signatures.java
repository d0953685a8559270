package io.kefu.email.internal;

import java.util.Optional;

import io.kefu.platform.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff members' own email signatures; without one, a reply carries its mailbox's signature template. */
@Service
public class Signatures {

    static final int MAX_LENGTH = 2000;

    private final JdbcClient jdbc;

    Signatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<String> of(long staffId) {
        return jdbc.sql("SELECT signature FROM email_signature WHERE staff_id = :staff").param("staff", staffId)
                .query(String.class).optional();
    }

    /** Saves her signature; a blank one removes it, so the mailbox's template applies again. */
    @Transactional
    public void save(long staffId, String signature) {
        String text = Text.blankToNull(signature);
        if (text == null) {
            jdbc.sql("DELETE FROM email_signature WHERE staff_id = :staff").param("staff", staffId).update();
            return;
        }
        jdbc.sql("""
                INSERT INTO email_signature (staff_id, signature) VALUES (:staff, :signature)
                ON CONFLICT (staff_id) DO UPDATE SET signature = EXCLUDED.signature, updated_at = now()""")
                .param("staff", staffId).param("signature", Text.truncate(text, MAX_LENGTH)).update();
    }

    /** The signature under a reply by this agent from this mailbox, or null for none. */
    String forReply(long staffId, String agentName, Mailbox mailbox) {
        return of(staffId).orElseGet(() -> mailbox.signatureTemplate() == null ? null
                : mailbox.signatureTemplate().replace("{agent}", agentName == null ? "" : agentName)
                        .replace("{mailbox}", mailbox.senderName()));
    }
}
