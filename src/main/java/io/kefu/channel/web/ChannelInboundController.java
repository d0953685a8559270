package io.kefu.channel.web;

import java.io.IOException;
import java.io.InputStream;

import io.kefu.channel.internal.ChannelInbox;
import io.kefu.channel.internal.ChannelProperties;
import io.kefu.channel.internal.Signature;
import io.kefu.platform.DomainException;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where channels post their customers' messages (the JSON shape and signing scheme are in README.md, "Messaging
 * channels"). No token: the caller proves it is the channel by signing the body with the channel's secret. Answers
 * 201 with where the message landed, or 200 with {@code duplicate: true} for a message id delivered before.
 */
@RestController
@Tag(name = "Messaging channels")
class ChannelInboundController {

    private final ChannelInbox inbox;
    private final ChannelProperties properties;

    ChannelInboundController(ChannelInbox inbox, ChannelProperties properties) {
        this.inbox = inbox;
        this.properties = properties;
    }

    @PostMapping("/api/v1/channels/{channelId}/inbound")
    @PreAuthorize("permitAll()")
    ResponseEntity<ChannelInbox.Receipt> receive(
            @PathVariable long channelId,
            @RequestHeader(name = Signature.TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestHeader(name = Signature.SIGNATURE_HEADER, required = false) String signature,
            HttpServletRequest request) throws IOException {
        ChannelInbox.Receipt receipt = inbox.accept(channelId, timestamp, signature, body(request));
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }

    /**
     * The body as it came (the signature covers its exact bytes), refused when larger than the limit. It is read up
     * to the limit even when its declared length is larger, so that the sender gets the answer rather than a reset
     * connection.
     */
    private byte[] body(HttpServletRequest request) throws IOException {
        long max = properties.maxMessageSize().toBytes();
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) max + 1);
            if (body.length > max) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "channel.inbound.tooLarge",
                        properties.maxMessageSize().toMegabytes());
            }
            return body;
        }
    }
}
