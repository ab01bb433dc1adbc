#!/bin/sh
# Runs the HDF5 read benchmark: h5py and the Fluxion loader alternately on the same files (the machine
# is shared, so compare numbers of one session). Build first:
#   ./mvnw -B -o -pl target-platform,bundles/org.fluxion.api,bundles/org.fluxion.io.hdf5 verify
# Usage (from bundles/org.fluxion.io.hdf5): bench/run_benchmark.sh [/tmp/fluxion-bench] [rounds=2]
set -e
OUT=${1:-/tmp/fluxion-bench}
ROUNDS=${2:-2}
M2=${M2:-$HOME/.m2/repository}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
CP=target/classes:target/test-classes:../org.fluxion.api/target/classes
CP=$CP:$M2/io/jhdf/jhdf/0.13.0/jhdf-0.13.0.jar:$M2/org/slf4j/slf4j-api/2.0.18/slf4j-api-2.0.18.jar
CP=$CP:$M2/org/apache/commons/commons-lang3/3.20.0/commons-lang3-3.20.0.jar
CP=$CP:$M2/com/ning/compress-lzf/1.2.0/compress-lzf-1.2.0.jar:$M2/at/yawk/lz4/lz4-java/1.11.1/lz4-java-1.11.1.jar
uname -srm; nproc; grep -m1 "model name" /proc/cpuinfo; uptime
$JAVA -version 2>&1 | head -1; /usr/bin/python3 -c "import h5py, numpy; print('h5py', h5py.__version__, 'HDF5', h5py.version.hdf5_version, 'numpy', numpy.__version__)"
i=0
while [ $i -lt "$ROUNDS" ]; do
  /usr/bin/python3 bench/bench_h5py.py "$OUT"
  for f in flat_gzip1_shuffle flat_uncompressed; do
    for t in 1 2; do
      $JAVA -cp "$CP" org.fluxion.io.hdf5.Hdf5Benchmark "$OUT/$f.h5" $t 5 2>&1 | grep -v SLF4J
    done
  done
  i=$((i + 1))
done
uptime
