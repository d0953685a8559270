package io.kefu.search.web;

import java.util.List;

import io.kefu.search.internal.IndexRebuild;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search administration")
class SearchAdminApiController {

    private final IndexRebuild rebuild;

    SearchAdminApiController(IndexRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /**
     * Rebuilds the whole search index from the database in the background (202, with the kinds being rebuilt);
     * 409 while a rebuild runs. The log says when it is done and how many documents of each kind it indexed.
     */
    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAuthority('SEARCH_MANAGE')")
    Rebuilding rebuild() {
        return new Rebuilding(rebuild.start());
    }

    record Rebuilding(List<String> kinds) {
    }
}
