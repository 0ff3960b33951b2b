/**
 * The identity registry. {@link org.civis.core.Registry} is the front door; the sub-packages are
 * its capabilities. Nothing in this module knows about HTTP.
 */
package org.civis.core;
