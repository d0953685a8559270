package io.kefu.sla;

/**
 * What a ticket is matched on; any field may be null. priority is LOW/NORMAL/HIGH/URGENT, ticketType a code like
 * COMPLAINT, channel a code like EMAIL/PHONE/WEB/CHAT/WECHAT/API, customerTier free text like VIP.
 */
public record SlaCriteria(String ticketType, String priority, String customerTier, String channel) {
}
