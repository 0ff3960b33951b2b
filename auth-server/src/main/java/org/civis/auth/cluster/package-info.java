/**
 * The Hazelcast maps the auth path shares across nodes, their settings, and the small entry
 * processors that change them atomically on the member owning the key (the replay memory among
 * them, which the auth records back up). {@link org.civis.auth.cluster.CacheSeal} keeps personal
 * data encrypted inside those maps.
 */
package org.civis.auth.cluster;
