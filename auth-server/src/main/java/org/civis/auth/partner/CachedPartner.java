package org.civis.auth.partner;

import org.civis.auth.cluster.Revisioned;

/** A partner as the cluster cache holds it: its revision and its full JSON form. */
record CachedPartner(long revision, String json) implements Revisioned {}
