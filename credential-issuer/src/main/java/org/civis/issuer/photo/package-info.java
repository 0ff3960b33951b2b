/**
 * The resident's photo: decoding what was enrolled, and shrinking it (grayscale, downscaled, JPEG at
 * a searched quality) to the byte budget the rest of the credential leaves. ImageIO and Java2D only.
 * A photo that cannot be decoded is an outcome, never a failure.
 */
package org.civis.issuer.photo;
