package io.kefu.identity.web;

import java.time.Instant;
import java.util.List;

import io.kefu.identity.StaffPrincipal;
import io.kefu.identity.internal.ApiToken;
import io.kefu.identity.internal.ApiTokenService;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens")
class ApiTokenApiController {

    private final ApiTokenService tokens;

    ApiTokenApiController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    record TokenView(long id, String name, String staffUsername, String prefix, Instant createdAt,
                     Instant lastUsedAt, Instant revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.getId(), t.getName(), t.getStaff().getUsername(), t.getTokenPrefix(),
                    t.getCreatedAt(), t.getLastUsedAt(), t.getRevokedAt());
        }
    }

    /** The only answer that carries the secret. */
    record IssuedTokenView(TokenView token, String secret) {
    }

    /** {@code staffId} is whom the token acts for; without it, the caller. */
    record IssueToken(@NotBlank @Size(max = 100) String name, Long staffId) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('API_TOKEN_MANAGE')")
    List<TokenView> list() {
        return tokens.all().stream().map(TokenView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('API_TOKEN_MANAGE')")
    IssuedTokenView issue(@Valid @RequestBody IssueToken body, @AuthenticationPrincipal StaffPrincipal caller) {
        var issued = tokens.issue(body.name(), body.staffId() != null ? body.staffId() : caller.id());
        return new IssuedTokenView(TokenView.of(issued.token()), issued.secret());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('API_TOKEN_MANAGE')")
    void revoke(@PathVariable long id) {
        tokens.revoke(id);
    }
}
