package io.kefu.chat;

import java.util.Set;

/** Where a chat stands: with the bot, waiting in a queue, with an agent, or over. */
public enum ChatState {
    BOT, QUEUED, ACTIVE, ENDED;

    /** The moves a chat may make; every change of state in the chat module is checked against this. */
    public boolean canMoveTo(ChatState next) {
        return switch (this) {
            case BOT -> Set.of(QUEUED, ENDED).contains(next);
            // A transfer to a group puts an active chat back in a queue.
            case QUEUED -> Set.of(ACTIVE, ENDED, QUEUED).contains(next);
            case ACTIVE -> Set.of(ACTIVE, QUEUED, ENDED).contains(next);
            case ENDED -> false;
        };
    }

    public boolean live() {
        return this != ENDED;
    }
}
