/**
 * Columnar event tables: typed primitive columns with units, zero-copy row selections, and named
 * sets of samples. Everything here is immutable and safe to share between threads.
 */
package org.fluxion.api.data;
