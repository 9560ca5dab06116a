package org.safeguarding.backbone.kernel.rebuild;

/**
 * A projection of a service that an operator can rebuild from the log while it goes on being read
 * ({@code POST /operator/rebuilds/{projection}}, {@code ./run rebuild PROJECTION}): built beside the live one, then
 * switched into its place. One rebuild of a projection at a time.
 */
public interface Rebuild {

    /** The projection's name, as the operator gives it (e.g. {@code chronology}, {@code share-view}). */
    String projection();

    /** Starts a rebuild in the background and says where it is; {@link RebuildUnderWay} if one is running. */
    RebuildProgress start();

    /** Where the last rebuild is, or {@link RebuildProgress#notStarted()}. */
    RebuildProgress progress();

    /** Waits until the rebuild has ended (done or failed) or {@code timeoutMillis} has passed; says where it is. */
    default RebuildProgress awaitEnd(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (progress().running() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return progress();
    }
}
