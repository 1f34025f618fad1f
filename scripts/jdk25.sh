# Sourced by ./hoptrace, ./run-tests and .ci/run: puts a JDK 25 in JAVA_HOME and PATH.
# JAVA_HOME wins when it already points at JDK 25; otherwise the usual install places are searched.
hoptrace_find_jdk25() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/jdk-25* /opt/java/jdk-25* /opt/jdk-25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    # The release file answers without starting a JVM (which would cost the launcher ~40 ms).
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$candidate/release" 2>/dev/null || true)
    [ -n "$version" ] || version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ "$version" = "25" ]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

if ! HOPTRACE_JDK=$(hoptrace_find_jdk25); then
  echo "hoptrace: no JDK 25 found; set JAVA_HOME to a JDK 25 (for example /usr/lib/jvm/temurin-25-jdk-amd64)" >&2
  exit 6
fi
export JAVA_HOME="$HOPTRACE_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
