package io.kefu.identity.internal;

import io.kefu.identity.StaffPrincipal;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Counts failed sign-ins towards the lockout, clears the count on success, and audits both. */
@Component
class SignInEvents {

    private final StaffService staff;

    SignInEvents(StaffService staff) {
        this.staff = staff;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            staff.recordFailedLogin(username);
        } else {
            staff.recordRefusedLogin(username, event.getException().getClass().getSimpleName());
        }
    }

    @EventListener
    void succeeded(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal) {
            // The audit line names the actor from the security context, which is not set yet at this event.
            var context = SecurityContextHolder.getContext();
            var previous = context.getAuthentication();
            context.setAuthentication(event.getAuthentication());
            try {
                staff.recordSuccessfulLogin(principal.id());
            } finally {
                context.setAuthentication(previous);
            }
        }
    }
}
