/**
 * The status stage: a credential's status reference read from its CWT, Status List Tokens checked
 * against the trusted keys, and the lookup at the judged instant (an answer, never an exception).
 */
package org.civis.verifier.internal.status;
