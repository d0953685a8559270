/**
 * Shared ground every capability stands on: the embedded database, the web shell, errors and i18n.
 * Its root holds the few types other modules use (errors with a message key, the application's settings).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.kefu.platform;
