#!/usr/bin/env bash
# The Spark measurements of the README (not tests): jgrad-spark against MLlib, and scaling over cores.
#   jgrad-spark/bench.sh mllib local[2]          jgrad-spark/bench.sh mllib cluster:2
#   jgrad-spark/bench.sh scaling 2000000 local[1] jgrad-spark/bench.sh scaling 2000000 cluster:2
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mkdir -p target
mvn -B -q -pl jgrad-spark -am -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt > target/bench-build.log || { cat target/bench-build.log >&2; exit 1; }
# a private copy of the classes: a rebuild during a long run must not pull them from under it
snapshot="$(mktemp -d)"
trap 'rm -rf "$snapshot"' EXIT
cp -r jgrad-spark/target/classes "$snapshot/classes"
cp -r jgrad-spark/target/test-classes "$snapshot/test-classes"
cp jgrad-cli/target/jgrad-cli-0.1.0-SNAPSHOT.jar jgrad-core/target/jgrad-core-0.1.0-SNAPSHOT.jar "$snapshot/"
cp="$(sed -e "s#[^:]*/jgrad-cli-0.1.0-SNAPSHOT.jar#$snapshot/jgrad-cli-0.1.0-SNAPSHOT.jar#" -e "s#[^:]*/jgrad-core-0.1.0-SNAPSHOT.jar#$snapshot/jgrad-core-0.1.0-SNAPSHOT.jar#" jgrad-spark/target/test-classpath.txt)"
jdk="$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)"
opens="$(sed -n 's:.*<spark.opens>\(.*\)</spark.opens>.*:\1:p' jgrad-spark/pom.xml)"
# shellcheck disable=SC2086
"${JGRAD_JAVA_HOME:-$jdk}/bin/java" --add-modules jdk.incubator.vector $opens -Xmx10g -Djgrad.threads=1 ${JGRAD_JAVA_OPTS:-} \
    -cp "$snapshot/test-classes:$snapshot/classes:$cp" jgrad.spark.bench.SparkBench "$@" \
    2> >(grep -v '^WARNING: Using incubator modules' >&2)
