/**
 * Test material shared with the server's tests: made-up holders and portraits, and independent
 * readers of what the issuer writes (COSE through JCA, QR through ZXing's reader).
 */
package org.civis.issuer.samples;
