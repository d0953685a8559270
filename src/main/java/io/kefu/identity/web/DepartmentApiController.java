package io.kefu.identity.web;

import java.util.List;

import io.kefu.identity.internal.Department;
import io.kefu.identity.internal.DepartmentNode;
import io.kefu.identity.internal.DepartmentService;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/departments")
@Tag(name = "Departments")
class DepartmentApiController {

    private final DepartmentService departments;

    DepartmentApiController(DepartmentService departments) {
        this.departments = departments;
    }

    record DepartmentView(long id, String name, Long parentId) {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.getId(), d.getName(), d.getParentId());
        }
    }

    record DepartmentRequest(@NotBlank @Size(max = 100) String name, Long parentId) {
    }

    /** The whole tree: top-level departments with their children nested. */
    @GetMapping
    @PreAuthorize("hasAuthority('STAFF_READ')")
    List<DepartmentNode> tree() {
        return departments.tree();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('DEPARTMENT_MANAGE')")
    DepartmentView create(@Valid @RequestBody DepartmentRequest body) {
        return DepartmentView.of(departments.create(body.name(), body.parentId()));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('DEPARTMENT_MANAGE')")
    DepartmentView update(@PathVariable long id, @Valid @RequestBody DepartmentRequest body) {
        return DepartmentView.of(departments.update(id, body.name(), body.parentId()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('DEPARTMENT_MANAGE')")
    void delete(@PathVariable long id) {
        departments.delete(id);
    }
}
