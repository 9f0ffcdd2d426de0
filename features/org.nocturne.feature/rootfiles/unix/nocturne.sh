#!/usr/bin/env bash
# Starts the Nocturne workbench from this product folder (Linux and macOS).
# There is no native launcher (org.eclipse.equinox.executable is not on Maven Central), and `java -jar` ignores
# eclipse.ini, so the JVM options live here. Extra arguments go to the workbench (e.g. -consoleLog, -data DIR).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=jdk.sh
source "$HERE/jdk.sh"

vm_options=()
# On macOS, SWT must own the process's first thread.
[ "$(uname -s)" = Darwin ] && vm_options+=(-XstartOnFirstThread)
if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "Nocturne needs a graphical display, and neither DISPLAY nor WAYLAND_DISPLAY is set." >&2
  echo "Start it from a desktop session, over 'ssh -X', or under a virtual display: xvfb-run -a $0" >&2
  exit 1
fi

launcher=$(ls "$HERE"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n 1)
if [ -z "$launcher" ]; then
  echo "This Nocturne folder is incomplete: no org.eclipse.equinox.launcher jar under $HERE/plugins." >&2
  exit 1
fi

# Nocturne is dark so that the screen does not spoil dark adaptation; ask GTK for its dark variant to match.
export GTK_THEME="${GTK_THEME:-Adwaita:dark}"
data="${NOCTURNE_DATA:-$HOME/.nocturne}"
mkdir -p "$data"
# The product folder may be read-only: OSGi reads config.ini from it (shared, cascaded) and writes its own state under
# $data. -clearPersistedState: the layout is rebuilt from the bundles' models at each start while they still change.
exec "$JAVA_HOME/bin/java" ${vm_options[@]+"${vm_options[@]}"} -Xms128m -Xmx2g -Dosgi.requiredJavaVersion=21 \
  -Dosgi.sharedConfiguration.area="$HERE/configuration" -Dosgi.configuration.cascaded=true \
  -jar "$launcher" -install "$HERE" -configuration "$data/configuration" -data "$data/workspace" \
  -clearPersistedState "$@"
