package org.civis.auth.view;

import java.io.Serializable;

/** Whose a VID is, as the cluster keeps it, with its tag under a key outside the cluster. */
record VidOwner(String uin, byte[] tag) implements Serializable {}
