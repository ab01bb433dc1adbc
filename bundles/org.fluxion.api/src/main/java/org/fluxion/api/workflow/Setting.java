package org.fluxion.api.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents a component of a settings record: the config key is the component name in
 * snake_case ({@code nBins} → {@code n_bins}). Used by the config binder (defaults, ranges), by
 * {@code fluxion list --settings} and by the UI's generated forms.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Setting {
    /** Marker for "no default: the key is required". */
    String REQUIRED = "\u0000required";

    /** @return what the setting means */
    String description();

    /** @return unit of the value, "" if none */
    String unit() default "";

    /**
     * @return default as a YAML scalar or flow collection ({@code "0.5"}, {@code "[1, 2]"},
     *         {@code "null"}); {@link #REQUIRED} if the key must be given
     */
    String defaultValue() default REQUIRED;

    /** @return smallest allowed numeric value (inclusive) */
    double min() default Double.NEGATIVE_INFINITY;

    /** @return largest allowed numeric value (inclusive) */
    double max() default Double.POSITIVE_INFINITY;
}
