/**
 * 1:N fingerprint search spread over the Hazelcast cluster: each member compares the probe with the
 * identities of the partitions it owns, and the asking member merges the answers. Every node still
 * holds the whole gallery (it is the fallback when ownership moves mid-search), so nothing here may
 * assume a member has only its own share. The template table stays the source of truth.
 */
package org.civis.auth.cluster.gallery;
