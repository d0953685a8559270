package io.kefu.customer.web;

import java.util.List;

import io.kefu.customer.internal.CustomerService;
import io.kefu.identity.StaffPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer list: one search box answered as the user types, newest first, a page at a time. htmx asks for
 * the results alone while searching, and for the next rows alone when "more" is pressed.
 */
@Controller
class CustomerListPageController {

    private static final int PAGE = 20;

    private final CustomerService customers;
    private final Owners owners;

    CustomerListPageController(CustomerService customers, Owners owners) {
        this.customers = customers;
        this.owners = owners;
    }

    @GetMapping("/customers")
    @PreAuthorize("hasAuthority('CUSTOMER_READ')")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long cursor,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
                @AuthenticationPrincipal StaffPrincipal me, Model model) {
        List<CustomerView> page = customers.search(q, cursor, PAGE, me).stream()
                .map(c -> CustomerView.of(c, false)).toList();
        model.addAttribute("customers", page);
        model.addAttribute("ownerNames", owners.namesOf(page.stream().map(CustomerView::ownerId)));
        model.addAttribute("q", q);
        model.addAttribute("cursor", cursor);
        model.addAttribute("nextCursor", page.size() == PAGE ? page.get(PAGE - 1).id() : null);
        // The search pushes its address to the history; going back to it after htmx's cache forgot it asks for
        // the whole page again.
        if (htmx == null || historyRestore != null) {
            return "customer/list";
        }
        return cursor == null ? "customer/list :: results" : "customer/list :: rows";
    }
}
