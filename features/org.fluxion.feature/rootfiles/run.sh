#!/bin/sh
# Starts the Fluxion product with the Java launcher jar (no native launcher is built).
# Needs Java >= 21: uses $JAVA_HOME, else java on PATH if new enough, else a JDK >= 21 under /usr/lib/jvm.
# Extra JVM options: FLUXION_VMARGS="-Xmx8g ...". jhdf's "writing files is in alpha" warning is silenced:
# the synthetic files it writes are checked against h5py by the synth bundle's tests.
HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
major() { v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1); v=${v%%.*}; case "$v" in ''|*[!0-9]*) echo 0;; *) echo "$v";; esac; }
JAVA=""
if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA="$JAVA_HOME/bin/java"; elif command -v java >/dev/null 2>&1; then JAVA=$(command -v java); fi
if [ -z "$JAVA" ] || [ "$(major "$JAVA")" -lt 21 ]; then
  JAVA=""
  for jdk in /usr/lib/jvm/*; do
    if [ -x "$jdk/bin/java" ] && [ "$(major "$jdk/bin/java")" -ge 21 ]; then JAVA="$jdk/bin/java"; break; fi
  done
fi
if [ -z "$JAVA" ]; then echo "fluxion: needs Java >= 21; set JAVA_HOME" >&2; exit 4; fi
LAUNCHER=$(ls "$HERE"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
exec "$JAVA" -Djava.awt.headless=true -Djava.util.logging.config.file="$HERE/logging.properties" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.io.jhdf.WritableHdfFile=error ${FLUXION_VMARGS-} \
  -jar "$LAUNCHER" -nosplash "$@"
