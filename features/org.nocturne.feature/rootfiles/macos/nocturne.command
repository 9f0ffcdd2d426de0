#!/usr/bin/env bash
# Double-clickable in the macOS Finder: starts Nocturne through nocturne.sh beside it.
exec "$(cd "$(dirname "$0")" && pwd)/nocturne.sh" "$@"
