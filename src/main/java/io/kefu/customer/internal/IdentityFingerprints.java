package io.kefu.customer.internal;

import java.util.List;

import io.kefu.customer.CustomerIdentity;

/**
 * The identities an import has taken so far, kept as 64-bit fingerprints in an open-addressing table: 16 bytes
 * per identity instead of about a hundred as strings in a set, so that the four million identities of a
 * two-million-row file fit in about 64 MB. That two different identities of such a file share a fingerprint has a
 * probability under one in two million; the later row is then reported as repeated in the file, never lost
 * silently.
 */
final class IdentityFingerprints {

    private static final long EMPTY = 0;
    private long[] slots = new long[1 << 12];
    private int size;

    void add(CustomerIdentity identity) {
        long fingerprint = fingerprint(identity);
        int slot = slotOf(slots, fingerprint);
        if (slots[slot] != fingerprint) {
            slots[slot] = fingerprint;
            if (++size * 2 > slots.length) {
                grow();
            }
        }
    }

    boolean contains(CustomerIdentity identity) {
        long fingerprint = fingerprint(identity);
        return slots[slotOf(slots, fingerprint)] == fingerprint;
    }

    void addAll(List<CustomerIdentity> identities) {
        for (CustomerIdentity identity : identities) {
            add(identity);
        }
    }

    /** Whether any of these was taken. */
    boolean containsAny(List<CustomerIdentity> identities) {
        for (CustomerIdentity identity : identities) {
            if (contains(identity)) {
                return true;
            }
        }
        return false;
    }

    /** Where the fingerprint is, or the empty slot where it would go (linear probing in a table at most half full). */
    private static int slotOf(long[] table, long fingerprint) {
        int mask = table.length - 1;
        int slot = (int) fingerprint & mask;
        while (table[slot] != EMPTY && table[slot] != fingerprint) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long fingerprint : old) {
            if (fingerprint != EMPTY) {
                slots[slotOf(slots, fingerprint)] = fingerprint;
            }
        }
    }

    /** FNV-1a over the kind and the value, then MurmurHash3's finaliser to spread the bits; never 0 (empty). */
    static long fingerprint(CustomerIdentity identity) {
        long hash = 0xcbf29ce484222325L ^ identity.kind().ordinal();
        String value = identity.value();
        for (int i = 0; i < value.length(); i++) {
            hash = (hash ^ value.charAt(i)) * 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == EMPTY ? 1 : hash;
    }
}
