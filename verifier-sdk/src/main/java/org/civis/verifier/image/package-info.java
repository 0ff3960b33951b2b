/**
 * QR codes in pictures (PNG, JPEG, GIF, BMP) through javax.imageio and ZXing. The only package that
 * needs java.desktop: an Android app scans with its camera stack and passes the text to
 * {@link org.civis.verifier.Verifier}, leaving this package out.
 */
package org.civis.verifier.image;
