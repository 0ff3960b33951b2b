/**
 * TLS for the HTTP listeners: the certificate chain and private key from PEM files, TLS 1.2 and 1.3
 * only, HTTP/2 offered by ALPN, and the files reloaded when they change. No key material is kept
 * here beyond what Vert.x holds for the listening server, and none is ever logged.
 */
package org.civis.server.tls;
