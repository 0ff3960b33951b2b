/**
 * The error catalogue of the partner and resident APIs ({@link org.civis.auth.refusal.AuthError}), one failure as
 * an answer names it, and a parsed request part that is either a value or its failure. The foundation the other
 * capability packages import; it imports none of them.
 */
package org.civis.auth.refusal;
