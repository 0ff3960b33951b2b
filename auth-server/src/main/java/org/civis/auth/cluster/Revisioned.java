package org.civis.auth.cluster;

import java.io.Serializable;

/** A cached value labelled with the revision of the database row it was read from. */
public interface Revisioned extends Serializable {
    long revision();
}
