/**
 * The QR layer: CWT bytes to zlib to Base45 text to a ZXing QR symbol at error correction M, and the
 * capacity arithmetic the issuer needs to keep a credential within version 30. Drawing the symbol
 * belongs to the card package.
 */
package org.civis.issuer.qr;
