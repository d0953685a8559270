package io.kefu.platform;

/**
 * Who is acting: implemented by the signed-in principal so that modules below identity (audit) can name the
 * actor without depending on identity.
 */
public interface Actor {

    long actorId();

    String actorName();
}
