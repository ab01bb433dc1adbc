/**
 * Results a step hands to the engine: plots as pure data ({@link org.fluxion.api.artifact.PlotSpec},
 * rendered by the plot service to PNG and PDF) and tables ({@link org.fluxion.api.artifact.TableArtifact},
 * written as CSV with units in the headers and as JSON). All types are immutable.
 */
package org.fluxion.api.artifact;
