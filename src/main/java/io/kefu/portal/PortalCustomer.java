package io.kefu.portal;

import java.io.Serializable;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A customer signed in to the portal: her portal account, not a staff member. The customer record she sees is
 * looked up from the account on each request, so a merge of customers takes effect at once.
 *
 * @param accountId her portal account
 * @param name      how she names herself, shown in the portal and as the actor of what she does
 */
public record PortalCustomer(long accountId, String email, String name) implements AuthenticatedPrincipal, Serializable {

    /** The one authority a portal session carries; no staff permission is ever granted with it. */
    public static final String AUTHORITY = "PORTAL_CUSTOMER";

    /** The session attribute holding a portal sign-in, for other doors on our origin (the chat widget's API). */
    public static final String SESSION_ATTRIBUTE = "KEFU_PORTAL_SECURITY_CONTEXT";

    @Override
    public String getName() {
        return name;
    }
}
