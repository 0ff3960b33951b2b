package org.civis.server.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies this node holds at once, across both listeners and every event loop.
 * A body that would pass the budget is refused rather than buffered, so many slow or large uploads
 * cannot together exhaust the heap. Thread-safe.
 */
public final class BodyBudget {
    private final long capacity;
    private final AtomicLong held = new AtomicLong();

    public BodyBudget(long capacity) {
        this.capacity = capacity;
    }

    /** Takes {@code bytes} from the budget, or nothing if they do not fit. */
    boolean tryTake(long bytes) {
        long now;
        do {
            now = held.get();
            if (now + bytes > capacity) {
                return false;
            }
        } while (!held.compareAndSet(now, now + bytes));
        return true;
    }

    void giveBack(long bytes) {
        held.addAndGet(-bytes);
    }

    /** Bytes held now, for tests and metrics. */
    public long held() {
        return held.get();
    }
}
