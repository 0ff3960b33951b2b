/**
 * JMH floors for the cryptography one partner request costs: the primitives (Ed25519, P-256) and
 * the server's own request verification, answer signing and factor decryption, so a measured
 * request rate can be read against what the crypto alone allows on the same machine.
 */
package org.civis.perf.crypto;
