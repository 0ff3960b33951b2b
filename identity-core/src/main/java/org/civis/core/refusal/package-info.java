/**
 * How a request is refused: a stable {@link org.civis.core.refusal.RefusalCode} (the registry's
 * are {@link org.civis.core.refusal.RegistryError}) in a {@link org.civis.core.refusal.Refusal}
 * value, answered as a {@link org.civis.core.refusal.Result}. The foundation the registry's
 * capability packages (and the auth server's services) share; it imports none of them, only the
 * schema's violations. A failed future is left to mean broken infrastructure.
 */
package org.civis.core.refusal;
