package io.kefu.knowledge;

/** Who may read a published article: staff only, or also customers in the public help centre. */
public enum Visibility {
    INTERNAL, PUBLIC
}
