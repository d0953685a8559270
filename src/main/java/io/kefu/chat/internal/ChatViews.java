package io.kefu.chat.internal;

import java.time.Clock;
import java.time.Duration;

import io.kefu.chat.ChatState;
import io.kefu.identity.StaffDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Turns stored chats into what people see: names, and for a waiting chat its position and estimated wait. */
@Component
public class ChatViews {

    /** Assumed handling time when no chat of the group ended in the last hour. */
    private static final double DEFAULT_HANDLING_SECONDS = 180;

    private final ChatStore chats;
    private final Presence presence;
    private final StaffDirectory staff;
    private final Clock clock;

    ChatViews(ChatStore chats, Presence presence, StaffDirectory staff, Clock clock) {
        this.chats = chats;
        this.presence = presence;
        this.staff = staff;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ChatView of(ChatRecord chat) {
        Integer position = null;
        Integer wait = null;
        if (chat.state() == ChatState.QUEUED) {
            position = chats.position(chat);
            double handling = chats.averageHandlingSeconds(chat.skillGroupId(),
                    clock.instant().minus(Duration.ofHours(1))).orElse(DEFAULT_HANDLING_SECONDS);
            wait = (int) Math.ceil(position * handling / Math.max(1, presence.online(chat.skillGroupId())));
        }
        String groupName = chat.skillGroupId() == null ? null
                : staff.skillGroup(chat.skillGroupId()).map(StaffDirectory.SkillGroupSummary::name).orElse(null);
        return new ChatView(chat.id(), chat.state(), chat.menuKey(), chat.skillGroupId(), groupName,
                agentName(chat.agentId()), position, wait, chat.startedAt(), chat.endedAt(), chat.rating(),
                chat.ticketId(), chat.customerId(), chat.overflow(), chat.queuedAt(), chat.acceptedAt());
    }

    public String agentName(Long agentId) {
        return agentId == null ? null
                : staff.find(agentId).map(StaffDirectory.StaffSummary::displayName).orElse(null);
    }
}
