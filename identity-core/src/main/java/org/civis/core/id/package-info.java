/**
 * Identifier value types (UIN, VID, registration id): immutable records that cannot hold a malformed value.
 *
 * <p>Only format checks belong here. Whether an identifier exists, is active or belongs to someone
 * is decided elsewhere, and no exception message may echo an identifier, since it is personal data.
 */
package org.civis.core.id;
