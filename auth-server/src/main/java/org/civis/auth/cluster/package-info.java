/**
 * The Hazelcast maps the auth path shares across nodes, their settings, and the small entry
 * processors that change them atomically on the member owning the key.
 */
package org.civis.auth.cluster;
