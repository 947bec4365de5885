#!/usr/bin/env bash
# Install the Debian packages the site and its tests need: Chromium (browser and print tests),
# Firefox ESR and WebKit (the same journeys in the other engines: firefox-esr; webkit2gtk-driver,
# whose WebKitWebDriver drives the MiniBrowser, under Xvfb), poppler-utils (pdftotext, pdftoppm),
# Java (the Nu HTML Checker), Pango (WeasyPrint's PDFs) and LibreOffice Writer without a display
# (libreoffice-writer-nogui: soffice turns the board report's Word file into a PDF to read its pages).
# Does nothing when they are already installed.
set -euo pipefail

# Usage: ensure-system-packages.sh [site|tests]   (site: only what building the site needs)
scope="${1:-tests}"

missing=()
# Pango for WeasyPrint's worksheet PDFs: building the site needs it.
/sbin/ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
if [ "$scope" = "tests" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)  # the Nu HTML Checker (vnu)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  [ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)  # the Word file read as pages
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing ${missing[*]} with apt-get..."
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "Please install as root: apt-get install -y ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
