package org.safeguarding.backbone.kernel.durability;

/**
 * Makes what this service has committed survive its process being killed, before anything is said about it outside:
 * an answer to a change, an event put on Kafka, a Kafka offset committed past a record acted on. PostgreSQL is
 * durable at each commit, and there is nothing to wait for; the embedded default's H2 file stores keep a commit in
 * memory for up to half a second (docs/reliability.md, "The embedded default's stores and a kill").
 */
public interface DurableCommits {

    /** Returns once every commit made before the call is in the store's file. */
    void awaitDurable();

    /** Nothing to wait for: each commit is durable when it returns. */
    DurableCommits AT_COMMIT = () -> { };
}
