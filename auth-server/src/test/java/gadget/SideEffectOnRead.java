package gadget;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands for a deserialization gadget: a serializable class outside Civis whose reading has an
 * effect. It lives outside {@code org.civis} on purpose, where a library's classes would be.
 */
public final class SideEffectOnRead implements Serializable {
    public static final AtomicInteger READS = new AtomicInteger();

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        READS.incrementAndGet();
    }
}
