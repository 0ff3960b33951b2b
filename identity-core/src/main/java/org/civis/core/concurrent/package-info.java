/** Small building blocks for spreading CPU-bound work over threads without blocking an event loop. */
package org.civis.core.concurrent;
