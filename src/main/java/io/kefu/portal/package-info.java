/**
 * The customer portal and the embeddable web form (C3): customers' own accounts (sign-up with a verified email,
 * invitation by staff, password or one-time link sign-in), their tickets, replies and ratings under
 * {@code /portal/**}, a public form that opens tickets without sign-in, and email notices of agents' replies.
 * Customers are resolved through {@link io.kefu.customer.CustomerDirectory}; tickets are reached through
 * {@link io.kefu.ticket.TicketInbox} and {@link io.kefu.ticket.CustomerTickets}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer portal")
package io.kefu.portal;
