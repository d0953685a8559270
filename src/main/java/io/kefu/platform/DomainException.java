package io.kefu.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal a person can understand: the status to answer with, a message key in messages*.properties and its
 * arguments. The web layer turns it into a localised RFC 9457 problem detail or a form error.
 */
public class DomainException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] arguments;
    private final String field;

    public DomainException(HttpStatus status, String messageKey, Object... arguments) {
        this(status, null, messageKey, arguments);
    }

    protected DomainException(HttpStatus status, String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.status = status;
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    /** The record of the given kind (a key under {@code error.notFound.*}) does not exist. */
    public static DomainException notFound(String kind, Object id) {
        return new DomainException(HttpStatus.NOT_FOUND, "error.notFound." + kind, String.valueOf(id));
    }

    /** A conflict or invalid value that belongs to one input field, e.g. a username already taken. */
    public static DomainException onField(HttpStatus status, String field, String messageKey, Object... arguments) {
        return new DomainException(status, field, messageKey, arguments);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** Extra members of the problem detail, e.g. the id of the record this one would duplicate. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** The input field the problem belongs to, or null when it concerns the whole request. */
    public String field() {
        return field;
    }
}
