/**
 * Fast loader for KCDC-style delimited text files: {@link org.fluxion.io.text.TextTableReader} and the
 * settings of the {@code load_text} step ({@link org.fluxion.io.text.TextLoadSettings}).
 */
package org.fluxion.io.text;
