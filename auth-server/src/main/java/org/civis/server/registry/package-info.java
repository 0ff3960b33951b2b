/**
 * The registry's objects over HTTP, shared by the admin and resident APIs: reading a VID or lock
 * request from a body, and the JSON form of identities, VIDs, locks and enrollment outcomes. The
 * rules themselves live in identity-core; nothing here decides anything.
 */
package org.civis.server.registry;
