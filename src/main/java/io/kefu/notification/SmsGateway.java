package io.kefu.notification;

/**
 * Sends text messages. Kefu ships a logging gateway (development) and a generic HTTP one; a vendor's gateway is
 * plugged in by declaring a bean of this type.
 */
public interface SmsGateway {

    /** Sends the text, or throws when the gateway did not accept it (the outbox then retries later). */
    void send(String phone, String text);

    /**
     * The same, with the outbox's id of the message, which a gateway may pass on so that its provider can drop a
     * repeat (after a crash between sending and recording it). Gateways that cannot use it send as above.
     */
    default void send(String phone, String text, String messageId) {
        send(phone, text);
    }
}
