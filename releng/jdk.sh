# Sourced by Nocturne's scripts: makes JAVA_HOME point at a JDK 21 or newer, or stops with a clear message.
# Order: $JAVA_HOME, the `java` on PATH, then the newest JDK under /usr/lib/jvm (Debian) or /Library/Java (macOS).

nocturne_java_feature() { # prints the feature release (17, 21, 25...) of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

nocturne_pick_jdk() {
  local candidate feature best="" best_feature=0
  local -a candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    feature=$(nocturne_java_feature "$candidate/bin/java")
    [ -n "$feature" ] && [ "$feature" -ge 21 ] || continue
    # The first acceptable candidate in the order above wins: an explicit JAVA_HOME is respected.
    best=$candidate best_feature=$feature
    break
  done
  if [ -z "$best" ]; then
    echo "Nocturne needs a JDK 21 or newer (Tycho 5 and the Eclipse platform are compiled for Java 21)." >&2
    echo "None was found in \$JAVA_HOME, on PATH, or under /usr/lib/jvm." >&2
    echo "Install one (for example Debian's openjdk-21-jdk or Temurin 21/25) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
  NOCTURNE_JAVA_FEATURE=$best_feature
}

nocturne_pick_jdk || exit 1
