package io.kefu.email.internal;

import java.util.List;

import io.kefu.email.MailKind;
import io.kefu.ticket.MessageFile;

/**
 * An inbound message read from its raw bytes.
 *
 * @param threadIds  Message-IDs it answers: In-Reply-To first, then References from the newest
 * @param kind       {@link MailKind#TICKET} for a customer's mail, else why it is not one
 * @param text       what the sender wrote, without the quoted history
 */
record ParsedMail(String messageId, List<String> threadIds, String subject, String fromAddress, String fromName,
                  String text, String html, String quoted, List<MessageFile> files, MailKind kind) {
}
