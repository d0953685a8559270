package io.kefu.identity.web;

import java.util.List;
import java.util.Set;

import io.kefu.identity.internal.SkillGroup;
import io.kefu.identity.internal.SkillGroupDraft;
import io.kefu.identity.internal.SkillGroupService;
import io.kefu.identity.internal.Staff;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/skill-groups")
@Tag(name = "Skill groups")
class SkillGroupApiController {

    private final SkillGroupService groups;

    SkillGroupApiController(SkillGroupService groups) {
        this.groups = groups;
    }

    record SkillGroupView(long id, String name, String description, Long departmentId, List<Long> memberIds) {
        static SkillGroupView of(SkillGroup g) {
            return new SkillGroupView(g.getId(), g.getName(), g.getDescription(), g.getDepartmentId(),
                    g.getMembers().stream().map(Staff::getId).sorted().toList());
        }
    }

    record SkillGroupRequest(@NotBlank @Size(max = 100) String name, @Size(max = 500) String description,
                             Long departmentId, Set<Long> memberIds) {
        SkillGroupDraft draft() {
            return new SkillGroupDraft(name, description, departmentId, memberIds);
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('STAFF_READ')")
    List<SkillGroupView> list() {
        return groups.all().stream().map(SkillGroupView::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('STAFF_READ')")
    SkillGroupView get(@PathVariable long id) {
        return SkillGroupView.of(groups.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('SKILL_GROUP_MANAGE')")
    SkillGroupView create(@Valid @RequestBody SkillGroupRequest body) {
        return SkillGroupView.of(groups.create(body.draft()));
    }

    /** Replaces the group's name, description, department and members. */
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('SKILL_GROUP_MANAGE')")
    SkillGroupView update(@PathVariable long id, @Valid @RequestBody SkillGroupRequest body) {
        return SkillGroupView.of(groups.update(id, body.draft()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('SKILL_GROUP_MANAGE')")
    void delete(@PathVariable long id) {
        groups.delete(id);
    }
}
