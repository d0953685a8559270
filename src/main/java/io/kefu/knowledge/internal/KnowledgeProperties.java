package io.kefu.knowledge.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the knowledge base, bound from {@code kefu.knowledge.*} (environment variables in README.md).
 *
 * @param maxAttachmentSize  the largest file an article may carry
 * @param expiryCheck        how often articles that reached their expiry date are looked for
 * @param suggestionPoints   loyalty points a customer earns when her suggestion is accepted
 * @param suggestionsPerAddress suggestions one client address may send within {@code suggestionWindow}
 * @param suggestionWindow   the sliding window of that limit
 */
@ConfigurationProperties("kefu.knowledge")
public record KnowledgeProperties(@DefaultValue("20MB") DataSize maxAttachmentSize,
                                  @DefaultValue("1h") Duration expiryCheck,
                                  @DefaultValue("10") int suggestionPoints,
                                  @DefaultValue("5") int suggestionsPerAddress,
                                  @DefaultValue("1h") Duration suggestionWindow) {
}
