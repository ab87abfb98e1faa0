#!/usr/bin/env bash
# The README's install and quick-start commands, run as a newcomer runs them: in a fresh clone of
# the committed HEAD, with a Maven local repository of its own (seeded from ~/.m2, so nothing is
# downloaded that a build here already fetched, and the SNAPSHOTs installed never reach ~/.m2).
#
#   1. mvn -B install -DskipTests    must succeed, run no test at all (Kratos on PATH or not),
#                                    print no warning, and install jars, -sources, -javadoc, the BOM;
#   2. a plain application that imports kratos-flows-bom and depends on kratos-flows only
#      compiles and runs (and shows the slf4j notice the README documents);
#   3. ./kratos-flows demo           passes every step when a Kratos is on PATH, and without one
#                                    (--no-download: CI is offline) exits 4 with one line.
# Fails on the first check that does not hold. Takes about 3 minutes on 2 cores.
set -euo pipefail

src="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/kratos-flows-newcomer.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail() { echo "newcomer check FAILED: $*" >&2; exit 1; }

# A local repository of its own: the shared one's jars hard-linked (never written: Maven replaces
# files it installs), its small metadata files copied, and no io/kratosflows at all.
seed="${HOME}/.m2/repository"
repo="$work/m2"
mkdir -p "$repo"
if [ -d "$seed" ]; then
  (cd "$seed" && find . -path ./io/kratosflows -prune -o -type f -name '*.jar' -print0 \
    | xargs -0 -r cp --parents -l -t "$repo" 2>/dev/null) \
    || (cd "$seed" && find . -path ./io/kratosflows -prune -o -type f -name '*.jar' -print0 | xargs -0 -r cp --parents -t "$repo")
  (cd "$seed" && find . -path ./io/kratosflows -prune -o -type f ! -name '*.jar' -print0 | xargs -0 -r cp --parents -t "$repo")
fi
mvn=(mvn -B -Dmaven.repo.local="$repo")

git clone -q "$src" "$work/clone"
cd "$work/clone"

echo "== 1. mvn -B install -DskipTests (kratos on PATH: $(command -v kratos || echo none))"
start=$(date +%s)
"${mvn[@]}" install -DskipTests > "$work/install.log" 2>&1 || { tail -50 "$work/install.log"; fail "the install failed"; }
echo "   done in $(( $(date +%s) - start )) s"
grep -q "BUILD SUCCESS" "$work/install.log" || fail "no BUILD SUCCESS"
if grep -nE "Tests run:|^\[INFO\] Running io\.kratosflows" "$work/install.log"; then
  fail "-DskipTests ran tests"
fi
if grep -nE "^\[WARNING\]|^\[ERROR\]|Thanks for using OpenAPI Generator|SLF4J|WARN\]" "$work/install.log"; then
  fail "the install printed warnings (above)"
fi
installed="$repo/io/kratosflows"
for artifact in kratos-flows kratos-flows-generated-client kratos-flows-testkit kratos-flows-spec-diff kratos-flows-openapi; do
  suffixes=".jar -sources.jar -javadoc.jar .pom"
  [ "$artifact" = kratos-flows-openapi ] && suffixes=".jar -sources.jar .pom"   # a YAML file, no Java
  for suffix in $suffixes; do
    [ -f "$installed/$artifact/0.1.0-SNAPSHOT/$artifact-0.1.0-SNAPSHOT$suffix" ] || fail "$artifact$suffix not installed"
  done
done
bom="$installed/kratos-flows-bom/0.1.0-SNAPSHOT/kratos-flows-bom-0.1.0-SNAPSHOT.pom"
[ -f "$bom" ] || fail "the BOM is not installed"
if grep -q "<parent>\|jackson" "$bom"; then fail "the installed BOM carries the parent's versions"; fi
library="$installed/kratos-flows/0.1.0-SNAPSHOT/kratos-flows-0.1.0-SNAPSHOT.jar"
jar --describe-module --file "$library" | grep -q "^io.kratosflows@.* automatic$" \
  || fail "kratos-flows.jar is not the automatic module io.kratosflows: $(jar --describe-module --file "$library" | tail -1)"
jar tf "$library" | grep -qx "META-INF/LICENSE" || fail "kratos-flows.jar has no META-INF/LICENSE"

echo "== 2. an application that imports the BOM and depends on kratos-flows only"
app="$work/app"
mkdir -p "$app/src/main/java/demo"
cat > "$app/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>demo</groupId>
  <artifactId>plain-app</artifactId>
  <version>1</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>io.kratosflows</groupId>
        <artifactId>kratos-flows-bom</artifactId>
        <version>0.1.0-SNAPSHOT</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>io.kratosflows</groupId>
      <artifactId>kratos-flows</artifactId>
    </dependency>
  </dependencies>
</project>
POM
cat > "$app/src/main/java/demo/Main.java" <<'JAVA'
package demo;

import io.kratosflows.Kratos;
import io.kratosflows.KratosConfig;
import io.kratosflows.error.KratosTransportException;
import java.net.URI;

public class Main {
    public static void main(String[] args) {
        try (Kratos kratos = Kratos.connect(KratosConfig.builder().publicUrl(URI.create(args[0])).build())) {
            kratos.login().start();
            System.out.println("unexpected: a login flow from " + args[0]);
        } catch (KratosTransportException e) {
            System.out.println("no Kratos at " + args[0] + ": " + e.getClass().getSimpleName());
        }
    }
}
JAVA
(cd "$app" && "${mvn[@]}" -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$app/classpath.txt" > "$work/app.log" 2>&1) || { cat "$work/app.log"; fail "the BOM does not resolve kratos-flows"; }
grep -q "kratos-flows-0.1.0-SNAPSHOT.jar" "$app/classpath.txt" || fail "kratos-flows is not on the application's class path"
javac --release 17 -d "$app/classes" -cp "$(cat "$app/classpath.txt")" "$app/src/main/java/demo/Main.java"
closed=1   # nothing listens on port 1 here
java -cp "$app/classes:$(cat "$app/classpath.txt")" demo.Main "http://127.0.0.1:$closed" > "$app/out.txt" 2> "$app/err.txt"
grep -q "^no Kratos at http://127.0.0.1:$closed: KratosTransportException$" "$app/out.txt" || { cat "$app/out.txt" "$app/err.txt"; fail "the application did not run"; }
if grep -q "^SLF4J" "$app/err.txt"; then
  echo "   runs; without an slf4j binding slf4j prints its notice, as the README says: $(head -1 "$app/err.txt")"
else
  echo "   runs; no slf4j notice"
fi

echo "== 3. ./kratos-flows demo"
if command -v kratos > /dev/null 2>&1; then
  ./kratos-flows demo --kratos-url "http://127.0.0.1:$closed" > "$work/demo.out" 2> "$work/demo.err" \
    || { cat "$work/demo.out" "$work/demo.err"; fail "demo failed with Kratos on PATH"; }
  grep -q "^Done: 9 of 9 steps passed" "$work/demo.out" || { cat "$work/demo.out"; fail "demo did not pass every step"; }
  grep "^Done:" "$work/demo.out" | sed 's/^/   /'
fi
no_kratos_path=$(printf '%s' "$PATH" | tr ':' '\n' | while IFS= read -r d; do [ -x "$d/kratos" ] || printf '%s:' "$d"; done)
set +e
env -u KRATOS_BIN PATH="${no_kratos_path%:}" XDG_CACHE_HOME="$work/cache" ./kratos-flows demo --no-download \
  --kratos-url "http://127.0.0.1:$closed" > "$work/none.out" 2> "$work/none.err"
code=$?
set -e
[ "$code" = 4 ] || { cat "$work/none.out" "$work/none.err"; fail "demo without Kratos exited $code, not 4"; }
[ "$(grep -c . "$work/none.err")" = 1 ] || { cat "$work/none.err"; fail "demo without Kratos printed more than one line"; }
echo "   without Kratos: exit 4, $(cat "$work/none.err")"
echo "newcomer check passed"
