package io.kefu.notification;

/** How a notification reaches its recipient. */
public enum NotificationChannel {
    EMAIL, SMS, IN_APP
}
