#!/usr/bin/env bash
# Install the Debian packages the tests drive: Chromium (browser and print tests) and
# poppler-utils (pdftotext, pdftoppm) and Java for the Nu HTML Checker. Does nothing when they are already installed.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)  # the Nu HTML Checker (vnu)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing ${missing[*]} (needed by the browser and print tests)..."
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "Please install as root: apt-get install -y ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
