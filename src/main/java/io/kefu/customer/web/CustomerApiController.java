package io.kefu.customer.web;

import java.util.List;

import io.kefu.customer.LifecycleStage;
import io.kefu.customer.internal.CustomerDraft;
import io.kefu.customer.internal.CustomerFields;
import io.kefu.customer.internal.CustomerRecord;
import io.kefu.customer.internal.CustomerService;
import io.kefu.customer.internal.TimelineEntry;
import io.kefu.identity.Permission;
import io.kefu.identity.StaffPrincipal;
import io.kefu.platform.DomainException;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Customers")
class CustomerApiController {

    private final CustomerService customers;
    private final CustomerFields fields;

    CustomerApiController(CustomerService customers, CustomerFields fields) {
        this.customers = customers;
        this.fields = fields;
    }

    /** A page of customers and the cursor of the next page (null on the last). */
    record CustomerPage(List<CustomerView> items, Long nextCursor) {
    }

    record MergeRequest(@NotNull Long sourceId) {
    }

    record TransferRequest(@NotNull Long fromOwnerId, @NotNull Long toOwnerId, LifecycleStage lifecycleStage,
                           String tier) {
    }

    record Transferred(int transferred) {
    }

    record NoteRequest(@NotBlank @Size(max = 4000) String text) {
    }

    @PostMapping("/customers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
    CustomerView create(@Valid @RequestBody CustomerRequest body, @AuthenticationPrincipal StaffPrincipal me) {
        if (body.name() == null || body.name().isBlank()) {
            throw DomainException.onField(HttpStatus.BAD_REQUEST, "name", "customer.nameRequired");
        }
        return CustomerView.of(customers.create(body.toDraft(), me), false);
    }

    /** With {@code reveal=true} (permission CUSTOMER_REVEAL) personal data is shown unmasked, and audited. */
    @GetMapping("/customers/{id}")
    @PreAuthorize("hasAuthority('CUSTOMER_READ')")
    CustomerView get(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal,
                     @AuthenticationPrincipal StaffPrincipal me) {
        if (reveal && !me.can(Permission.CUSTOMER_REVEAL)) {
            throw new AccessDeniedException("reveal");
        }
        return CustomerView.of(reveal ? customers.reveal(id, me) : customers.get(id, me), reveal);
    }

    @PatchMapping("/customers/{id}")
    @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
    CustomerView update(@PathVariable long id, @Valid @RequestBody CustomerRequest body,
                        @AuthenticationPrincipal StaffPrincipal me) {
        CustomerRecord current = customers.get(id, me);
        return CustomerView.of(customers.update(id, body.applyTo(CustomerDraft.of(current)), me), false);
    }

    /** Search from one box: name fragments (Chinese, Traditional or Simplified), pinyin initials, 4+ digits, email. */
    @GetMapping("/customers")
    @PreAuthorize("hasAuthority('CUSTOMER_READ')")
    CustomerPage search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long cursor,
                        @RequestParam(defaultValue = "20") int limit, @AuthenticationPrincipal StaffPrincipal me) {
        int size = Math.max(1, Math.min(limit, 100));
        List<CustomerView> items = customers.search(q, cursor, size, me).stream()
                .map(c -> CustomerView.of(c, false)).toList();
        return new CustomerPage(items, items.size() == size ? items.get(items.size() - 1).id() : null);
    }

    @PostMapping("/customers/{id}/merge")
    @PreAuthorize("hasAuthority('CUSTOMER_MERGE')")
    CustomerView merge(@PathVariable long id, @Valid @RequestBody MergeRequest body,
                       @AuthenticationPrincipal StaffPrincipal me) {
        return CustomerView.of(customers.merge(id, body.sourceId(), me), false);
    }

    @PostMapping("/customers/transfer")
    @PreAuthorize("hasAuthority('CUSTOMER_TRANSFER')")
    Transferred transfer(@Valid @RequestBody TransferRequest body, @AuthenticationPrincipal StaffPrincipal me) {
        return new Transferred(customers.transfer(body.fromOwnerId(), body.toOwnerId(), body.lifecycleStage(),
                body.tier(), me));
    }

    @GetMapping("/customers/{id}/timeline")
    @PreAuthorize("hasAuthority('CUSTOMER_READ')")
    List<TimelineEntry> timeline(@PathVariable long id, @RequestParam(required = false) Long before,
                                 @RequestParam(defaultValue = "50") int limit,
                                 @AuthenticationPrincipal StaffPrincipal me) {
        return customers.timeline(id, before, Math.max(1, Math.min(limit, 200)), me);
    }

    @PostMapping("/customers/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
    void addNote(@PathVariable long id, @Valid @RequestBody NoteRequest body,
                 @AuthenticationPrincipal StaffPrincipal me) {
        customers.addNote(id, body.text(), me);
    }

    @GetMapping("/customer-fields")
    @PreAuthorize("hasAuthority('CUSTOMER_READ')")
    List<CustomerFields.Field> customerFields() {
        return fields.all();
    }

    @PostMapping("/customer-fields")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('CUSTOMER_FIELD_MANAGE')")
    CustomerFields.Field defineField(@Valid @RequestBody FieldRequest body) {
        return fields.define(new CustomerFields.Field(body.key(), body.label(), body.type(),
                body.options() == null ? List.of() : body.options()));
    }

    record FieldRequest(@NotBlank @Size(max = 50) String key, @NotBlank @Size(max = 100) String label,
                        @NotNull CustomerFields.Type type, List<String> options) {
    }
}
