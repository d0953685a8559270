package io.kefu.chat.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import io.kefu.chat.internal.ChatFiles;
import io.kefu.chat.internal.MessageRecord;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A chat file as a download: images inline, everything else as an attachment, never sniffed by the browser. */
final class ChatFileResponses {

    private ChatFileResponses() {
    }

    static ResponseEntity<Resource> serve(ChatFiles files, MessageRecord message) throws IOException {
        MessageRecord.FileRef file = message.file();
        ContentDisposition disposition = (file.contentType().startsWith("image/") ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(file.name(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(Files.size(files.pathOf(file)))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(files.pathOf(file)));
    }
}
