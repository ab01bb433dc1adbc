/**
 * The workflow contract: a step is an OSGi Declarative Services component providing
 * {@link org.fluxion.api.workflow.StepProvider} with the service property
 * {@code fluxion.step.id} (and optionally {@code fluxion.step.title}, {@code service.ranking}).
 * The engine binds the step's settings record from the configuration, checks the typed ports
 * before any data is read, and runs the {@link org.fluxion.api.workflow.Step} with a
 * {@link org.fluxion.api.workflow.StepContext}.
 */
package org.fluxion.api.workflow;
