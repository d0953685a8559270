package io.kefu.identity.internal;

import java.util.Set;

/** What an admin or supervisor sets on a skill group. */
public record SkillGroupDraft(String name, String description, Long departmentId, Set<Long> memberIds) {

    public SkillGroupDraft {
        memberIds = memberIds == null ? Set.of() : Set.copyOf(memberIds);
    }
}
