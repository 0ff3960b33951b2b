/**
 * The verifier bundle: trust list (JWKs and certificates) and signed status lists in one JSON file
 * for offline devices. Built from public material only.
 */
package org.civis.issuer.bundle;
