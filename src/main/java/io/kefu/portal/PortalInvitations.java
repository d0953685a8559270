package io.kefu.portal;

import io.kefu.identity.StaffPrincipal;

/** Staff invite a customer to the portal: she gets an email with a link to choose her password. */
public interface PortalInvitations {

    /**
     * Emails the invitation to one of the customer's own email identities.
     *
     * @throws io.kefu.platform.DomainException 404 when there is no such customer, 422 on the field {@code email}
     *                                          when the email is not one of hers
     */
    void invite(long customerId, String email, StaffPrincipal by);
}
