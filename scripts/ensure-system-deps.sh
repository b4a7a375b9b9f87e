#!/usr/bin/env bash
# Installs the Debian packages the test suite uses as independent checkers, when they are missing:
# poppler-utils (pdfsig, pdftotext, pdffonts, pdftoppm), zbar-tools (zbarimg), libnss3-tools (certutil),
# chromium (browser tests), docker-compose (validates docker-compose.yml offline), and fonts-liberation2 (the
# Times-metric serif documents are set in).
set -euo pipefail
declare -A need=([pdfsig]=poppler-utils [pdftotext]=poppler-utils [pdffonts]=poppler-utils [pdftoppm]=poppler-utils
  [zbarimg]=zbar-tools [certutil]=libnss3-tools [chromium]=chromium [docker-compose]=docker-compose)
missing=()
[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation2)
for tool in "${!need[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${need[$tool]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing missing test tools: $packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $packages fonts-dejavu-core >/dev/null
  exit 0
fi
echo "The test suite needs these Debian packages: $packages" >&2
echo "Install them with: sudo apt-get install --no-install-recommends $packages" >&2
exit 1
