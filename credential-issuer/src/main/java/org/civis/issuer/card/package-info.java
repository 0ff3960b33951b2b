/**
 * The printable ID card: a CR80-size PNG at 300 dpi drawn with Java2D (photo, name, date of birth,
 * masked UIN, issuer, expiry, and the QR with its quiet zone). Only drawing: what goes on the card is
 * decided by the caller.
 */
package org.civis.issuer.card;
