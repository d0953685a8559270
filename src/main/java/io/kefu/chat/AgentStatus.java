package io.kefu.chat;

/** An agent's live-chat status; only ONLINE agents are offered new chats. */
public enum AgentStatus {
    ONLINE, BUSY, AWAY, OFFLINE
}
