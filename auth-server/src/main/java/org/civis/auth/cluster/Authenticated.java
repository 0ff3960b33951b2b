package org.civis.auth.cluster;

import java.io.Serializable;

/** A cluster value that carries its {@link EntryMac} tag. */
public interface Authenticated extends Serializable {
    byte[] tag();
}
