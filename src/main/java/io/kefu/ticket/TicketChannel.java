package io.kefu.ticket;

/** Where the customer reached the company. */
public enum TicketChannel {
    PHONE, EMAIL, WEB, PORTAL, CHAT, WECHAT, WEIBO, APP, API, WALK_IN, OTHER
}
