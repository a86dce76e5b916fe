package io.hrloop.improvement.domain;

/** The lifecycle states of an improvement item. */
public enum ItemStatus {
    PROPOSED, ACCEPTED, IN_PROGRESS, IMPLEMENTED, VERIFIED, REJECTED, MERGED;

    /** Open items still collect evidence: automatic spawning enriches them instead of creating a new one. */
    public boolean isOpen() {
        return this == PROPOSED || this == ACCEPTED || this == IN_PROGRESS;
    }

    /** What everyone (not only HR) may read: the "we did" part of the loop. */
    public boolean isPublic() {
        return this == IMPLEMENTED || this == VERIFIED;
    }
}
