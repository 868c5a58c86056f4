package org.herald.events.catalogue;

/** The three kinds of event Herald distinguishes. */
public enum EventKind {
    /** A fact about data: something was created or changed. */
    DATA,
    /** A business outcome: a payment succeeded, a refund failed. */
    BUSINESS,
    /** Something about the running system: a server or a broker came or went. */
    SYSTEM
}
