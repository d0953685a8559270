package io.kefu.channel.internal;

import java.util.List;
import java.util.Map;

import io.kefu.platform.DomainException;
import org.springframework.http.HttpStatus;

/** A message that cannot be taken, with what is wrong with each field, already in the caller's language. */
class InvalidInboundMessage extends DomainException {

    private final transient List<Map<String, String>> errors;

    InvalidInboundMessage(List<Map<String, String>> errors) {
        super(HttpStatus.BAD_REQUEST, "channel.inbound.invalid");
        this.errors = List.copyOf(errors);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", errors);
    }
}
