/**
 * The email channel: mailboxes polled over IMAP (or fed by an MTA pipe) turn customers' mail into tickets, threaded
 * by Message-ID and by the ticket number in the subject; agents' public replies go back out over SMTP with the
 * threading headers and their signature. Every inbound message is kept raw; auto-replies, bounces and loops are
 * logged and never answered.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Email")
package io.kefu.email;
