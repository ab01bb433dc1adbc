/**
 * HDF5 event-table loader on jhdf: the settings of the {@code load_hdf5} step
 * ({@link org.fluxion.io.hdf5.Hdf5LoadSettings}, {@link org.fluxion.io.hdf5.Hdf5InputSettings}) and
 * {@link org.fluxion.io.hdf5.Hdf5SampleReader}, which reads the Fluxion flat layout, IceCube hdfwriter
 * tables and pandas HDFStore files (table and fixed) into {@link org.fluxion.api.data.EventTable}s.
 */
package org.fluxion.io.hdf5;
