/**
 * Numerical pieces shared by unfolders: global correlation of a covariance matrix, condition number
 * of a response, the iteration-number scan with its choice criteria, and log Γ. Stateless, thread-safe.
 */
package org.fluxion.unfolding.api.numerics;
