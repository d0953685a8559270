package io.kefu.chat;

/** Who wrote a chat message. */
public enum SenderKind {
    VISITOR, BOT, AGENT, SYSTEM
}
