# Shared by the bench/ scripts: build the bench jar when missing or older than the sources (code,
# application.yaml, poms), run a main.
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# build_bench [module...]: also builds those modules (e.g. batch-reconciler, whose exec jar a benchmark runs)
build_bench() {
  cd "$bench_root"
  local jars=(bench/target/bench-0.1.0-SNAPSHOT.jar)
  local module
  for module in "$@"; do jars+=("$module/target/$module-0.1.0-SNAPSHOT-exec.jar"); done
  local stale=
  for jar in "${jars[@]}"; do
    if [ ! -f "$jar" ] || [ -n "$(find . -path ./.local-stack -prune -o -path '*/target' -prune -o \( -name '*.java' -o -name '*.yaml' -o -name pom.xml \) -newer "$jar" -print -quit)" ]; then
      stale=yes
    fi
  done
  if [ -n "$stale" ]; then
    echo "Building the benchmarks..."
    ./mvnw -B -q -DskipTests -Denforcer.skip=true package -pl "$(IFS=,; echo "bench${*:+,$*}")" -am
  fi
}

run_bench() {
  local main=$1
  shift
  cd "$bench_root"
  java -Xmx2g -Dlocal-stack.home="${LOCAL_STACK_HOME:-$bench_root/.local-stack}" \
    -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/bench-classpath.txt)" "$main" "$@"
}
