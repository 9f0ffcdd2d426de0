# Sourced (POSIX sh) by Nocturne's scripts and by ./mvnw: makes JAVA_HOME point at a JDK 21 or newer, or stops with
# a clear message. Tycho 5 and the Eclipse platform bundles are compiled for Java 21.
# Order: $JAVA_HOME, the `java` on PATH, then the JDKs under /usr/lib/jvm (Debian) and /Library/Java (macOS);
# the first that is 21 or newer wins, so an explicit JAVA_HOME is respected.

nocturne_java_feature() { # prints the feature release (17, 21, 25...) of the JDK at $1, or nothing
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

nocturne_try_jdk() { # succeeds and exports JAVA_HOME when $1 is a JDK 21+
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  nocturne_feature=$(nocturne_java_feature "$1")
  [ -n "$nocturne_feature" ] && [ "$nocturne_feature" -ge 21 ] || return 1
  JAVA_HOME=$1
  export JAVA_HOME
  PATH="$JAVA_HOME/bin:$PATH"
  export PATH
}

nocturne_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && nocturne_try_jdk "$JAVA_HOME"; then return 0; fi
  if command -v java >/dev/null 2>&1; then
    nocturne_path_java=$(command -v java)
    # readlink -f resolves Debian's alternatives; where it is missing, take the path as it is.
    nocturne_path_java=$(readlink -f "$nocturne_path_java" 2>/dev/null || echo "$nocturne_path_java")
    if nocturne_try_jdk "$(dirname "$(dirname "$nocturne_path_java")")"; then return 0; fi
  fi
  for nocturne_candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if [ -d "$nocturne_candidate" ] && nocturne_try_jdk "$nocturne_candidate"; then return 0; fi
  done
  echo "Nocturne needs a JDK 21 or newer (Tycho 5 and the Eclipse platform are compiled for Java 21)." >&2
  echo "None was found in JAVA_HOME (${JAVA_HOME:-unset}), on PATH, or under /usr/lib/jvm." >&2
  echo "Install one (for example Debian's openjdk-21-jdk or Temurin 21/25) or set JAVA_HOME to it." >&2
  return 1
}

nocturne_pick_jdk || exit 1
