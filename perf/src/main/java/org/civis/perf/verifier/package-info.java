/**
 * JMH benchmarks of offline QR verification on a typical issued ID card: from the QR text, and
 * from the printed card's PNG (QR located and decoded by ZXing, then verified).
 */
package org.civis.perf.verifier;
