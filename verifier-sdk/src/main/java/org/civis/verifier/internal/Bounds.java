package org.civis.verifier.internal;

/**
 * The caller's {@code Limits} as the pipeline stages read them. A copy rather than the public type
 * itself, so that no internal package depends on the SDK's front door (which depends on them).
 */
public record Bounds(
        int maxTextLength, int maxInflatedBytes, int maxStatusListBytes, int maxCborDepth, int maxCborItems) {}
