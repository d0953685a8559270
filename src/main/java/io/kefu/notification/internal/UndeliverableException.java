package io.kefu.notification.internal;

/** A delivery that no retry can make succeed, such as an address that cannot be valid. */
class UndeliverableException extends RuntimeException {

    UndeliverableException(String message, Throwable cause) {
        super(message, cause);
    }
}
