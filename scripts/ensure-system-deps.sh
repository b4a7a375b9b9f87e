#!/bin/sh
# Installs the Debian packages the browser and document tests use, when they are missing.
# As root with apt-get: installs them (--no-install-recommends). Otherwise: exits 1 naming exactly what to install.
set -eu

# package:command-that-proves-it-is-installed
REQUIRED="chromium:chromium poppler-utils:pdfsig zbar-tools:zbarimg libnss3-tools:certutil docker-compose:docker-compose"

missing=""
for entry in $REQUIRED; do
  pkg=${entry%%:*}
  cmd=${entry#*:}
  if ! command -v "$cmd" >/dev/null 2>&1; then
    missing="$missing $pkg"
  fi
done
missing=${missing# }

if [ -z "$missing" ]; then
  echo "ensure-system-deps: all present (chromium, poppler-utils, zbar-tools, libnss3-tools, docker-compose)"
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-system-deps: installing: $missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
  exit 0
fi

echo "ensure-system-deps: missing Debian packages: $missing" >&2
echo "install them with: sudo apt-get install --no-install-recommends $missing" >&2
exit 1
