package io.kefu.ticket.web;

import java.nio.charset.StandardCharsets;

import io.kefu.identity.StaffPrincipal;
import io.kefu.ticket.internal.TicketAttachments;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A ticket's file as a download: the stored type, the original name, never rendered inline. */
final class AttachmentDownload {

    private AttachmentDownload() {
    }

    static ResponseEntity<Resource> of(TicketAttachments attachments, long ticketId, long attachmentId,
                                       StaffPrincipal viewer) {
        TicketAttachments.StoredFile stored = attachments.file(ticketId, attachmentId, viewer);
        TicketAttachments.Attachment attachment = stored.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(stored.path()));
    }
}
