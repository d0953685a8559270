package io.kefu.ticket;

/**
 * A file that came with a customer's message. Unlike a file an agent uploads, it is kept whatever its type, so
 * nothing the customer sent is lost; staff download it as an attachment and never have it rendered by the browser.
 *
 * @param contentType the type the channel declared, or null; the stored type is detected from the content
 * @param contentId   for an inline image, the id its HTML refers to ({@code cid:...}); otherwise null
 */
public record MessageFile(String fileName, String contentType, byte[] content, String contentId) {
}
