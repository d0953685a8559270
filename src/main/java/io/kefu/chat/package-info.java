/**
 * C3 live chat: the widget a company embeds in its site, visitors and their page trail, the bot that answers from
 * the published knowledge base, office hours, the queues of skill groups with overflow, agents' presence and chats,
 * and real-time delivery over server-sent events fanned out between nodes by PostgreSQL LISTEN/NOTIFY. Customers
 * are resolved through {@link io.kefu.customer.CustomerDirectory}; chats become tickets through
 * {@link io.kefu.ticket.TicketInbox}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live chat")
package io.kefu.chat;
