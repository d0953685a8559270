package io.kefu.notification;

import java.util.Objects;

/**
 * One notification to send.
 *
 * @param recipientStaffId a staff member (her email or phone is looked up when {@code address} is null); required
 *                         for {@link NotificationChannel#IN_APP}
 * @param address          an email address or phone number for people who are not staff (customers)
 * @param subject          may be null for SMS
 * @param link             a relative URL shown with in-app notifications (e.g. {@code /tickets/42}); it must
 *                         start with a single {@code /}
 * @param dedupKey         optional; a second request with the same key is ignored (and answered with the first id)
 */
public record NotificationRequest(NotificationChannel channel, Long recipientStaffId, String address,
                                  String subject, String body, String link, String dedupKey) {

    public NotificationRequest {
        Objects.requireNonNull(channel, "channel");
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("a notification needs a body");
        }
        if (recipientStaffId == null && (channel == NotificationChannel.IN_APP || address == null || address.isBlank())) {
            throw new IllegalArgumentException("a " + channel + " notification needs a recipient");
        }
        // Shown as a link to staff: only a path within Kefu, never another site.
        if (link != null && !link.isBlank() && (!link.startsWith("/") || link.startsWith("//"))) {
            throw new IllegalArgumentException("a notification link is a path within Kefu, not " + link);
        }
    }

    public static NotificationRequest toStaff(NotificationChannel channel, long staffId, String subject, String body,
                                              String link, String dedupKey) {
        return new NotificationRequest(channel, staffId, null, subject, body, link, dedupKey);
    }
}
