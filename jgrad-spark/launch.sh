#!/usr/bin/env bash
# `./jgrad spark ...` lands here (the launcher passes the JDK 25 it found): builds jgrad-spark and what it
# needs when the jar is missing or older than the sources, then runs it from its own jar and class path,
# so Spark never enters the main jgrad.jar.
set -uo pipefail
jdk="$1"
shift
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/jgrad-spark/target/jgrad-spark.jar"
classpath="$here/jgrad-spark/target/classpath.txt"

stale() {
    [ ! -f "$jar" ] || [ ! -f "$classpath" ] && return 0
    [ -n "$(find "$here/pom.xml" "$here"/jgrad-*/pom.xml "$here"/jgrad-core/src/main "$here"/jgrad-cli/src/main "$here"/jgrad-spark/src/main \
        -newer "$jar" -print -quit 2>/dev/null)" ]
}

if stale; then
    if ! command -v mvn >/dev/null 2>&1; then
        echo "jgrad: error: Maven is needed to build jgrad-spark the first time; install Maven 3.6.3 or newer (e.g. 'apt-get install maven')" >&2
        exit 2
    fi
    echo "jgrad: building jgrad-spark (first run, or sources changed; Spark's jars come from Maven Central once)..." >&2
    log="$(mktemp)"
    if ! (cd "$here" && mvn -B -q -DskipTests -pl jgrad-spark -am package) >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "jgrad: error: the build failed (output above)" >&2
        exit 1
    fi
    rm -f "$log"
fi

# the --add-opens Spark needs on JDK 25: one list, in jgrad-spark/pom.xml (surefire uses it too)
opens="$(sed -n 's:.*<spark.opens>\(.*\)</spark.opens>.*:\1:p' "$here/jgrad-spark/pom.xml")"
# shellcheck disable=SC2086
"$jdk/bin/java" --add-modules jdk.incubator.vector -XX:+UseParallelGC -Xss8m $opens ${JGRAD_JAVA_OPTS:-} \
    -cp "$jar:$(cat "$classpath")" jgrad.spark.cli.SparkMain "$@" \
    2> >(grep -v '^WARNING: Using incubator modules' >&2)
rc=$?
wait
exit $rc
