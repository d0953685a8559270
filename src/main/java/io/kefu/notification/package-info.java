/**
 * Notifications by email, SMS and in-app, delivered through an outbox table: other modules call
 * {@link io.kefu.notification.Notifications#send} in their own transaction, and a worker delivers after commit,
 * retrying with backoff while a provider is down. SMS providers plug in through {@link io.kefu.notification.SmsGateway}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package io.kefu.notification;
