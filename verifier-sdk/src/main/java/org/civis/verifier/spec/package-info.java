/**
 * The numbers the standards assign: CWT claim keys, COSE header labels and algorithms, CBOR tags,
 * MOSIP Claim 169 field keys and codes, IETF Token Status List values. Shared by the issuer, which
 * writes them, and the verifier, which reads them, so both speak from one table. Constants only:
 * no parsing, no I/O.
 */
package org.civis.verifier.spec;
