package io.kefu.portal.web;

import io.kefu.identity.StaffPrincipal;
import io.kefu.portal.PortalInvitations;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Customer portal")
class PortalInvitationApiController {

    private final PortalInvitations invitations;

    PortalInvitationApiController(PortalInvitations invitations) {
        this.invitations = invitations;
    }

    /** The email must be one of the customer's own email identities. */
    record InvitationRequest(@NotBlank @Size(max = 254) String email) {
    }

    /** Emails the customer an invitation to the portal (202: it goes out through the notification outbox). */
    @PostMapping("/customers/{customerId}/portal-invitations")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
    void invite(@PathVariable long customerId, @Valid @RequestBody InvitationRequest body,
                @AuthenticationPrincipal StaffPrincipal me) {
        invitations.invite(customerId, body.email(), me);
    }
}
