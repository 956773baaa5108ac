#!/usr/bin/env bash
# Installs the system programs the tests use when this machine can (Debian/Ubuntu as root or with
# passwordless sudo): Chromium for the browser journeys, poppler-utils for PDF checks, LibreOffice
# (core, Writer, Calc) to check that the Word and Excel files open.
# Elsewhere it only reports what is missing; the browser tests then skip with that reason.
set -u
need=""
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || [ -n "${CXAUDIT_CHROMIUM:-}" ] || need="$need chromium"
command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-core libreoffice-writer libreoffice-calc"
[ -z "$need" ] && exit 0
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO=none; fi
  if [ "$SUDO" != none ]; then
    echo "Installing$need with apt-get"
    $SUDO apt-get install -y -q $need >/dev/null 2>&1 || { $SUDO apt-get update -q >/dev/null 2>&1 && $SUDO apt-get install -y -q $need >/dev/null; }
    exit 0
  fi
fi
echo "Note: missing$need; browser journeys will be skipped (set CXAUDIT_CHROMIUM to a Chromium binary to run them)."
exit 0
