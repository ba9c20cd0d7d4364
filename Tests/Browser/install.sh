#!/usr/bin/env bash
# Installs what Tests/Browser/run.py needs, and checks it: Debian's chromium, chromium-driver and a Java
# runtime, then a Python virtual environment (Tests/Browser/.venv, or $BROWSER_VENV) holding the pinned
# PyPI packages of requirements.txt. Safe to run again: it installs only what is missing.
# Exits non-zero, naming each package it could not install.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
venv="${BROWSER_VENV:-$here/.venv}"
python="${PYTHON:-python3}"
export DEBIAN_FRONTEND=noninteractive
failed=()

sudo=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi

# Debian packages, each with a command that shows it is there.
apt_missing=()
command -v chromium >/dev/null 2>&1 || apt_missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || apt_missing+=(chromium-driver)
command -v java >/dev/null 2>&1 || apt_missing+=(default-jre-headless)
fc-list 2>/dev/null | grep -qi "liberation" || apt_missing+=(fonts-liberation)
"$python" -c "import venv, ensurepip" >/dev/null 2>&1 || apt_missing+=(python3-venv)

if [ "${#apt_missing[@]}" -gt 0 ]; then
  echo "install.sh: installing Debian packages: ${apt_missing[*]}"
  if ! command -v apt-get >/dev/null 2>&1; then
    failed+=("${apt_missing[@]}")
    echo "install.sh: apt-get is not available to install ${apt_missing[*]}" >&2
  else
    $sudo apt-get update -qq || echo "install.sh: apt-get update failed" >&2
    if ! $sudo apt-get install -y -qq "${apt_missing[@]}"; then
      # Find out which ones could not be had.
      for package in "${apt_missing[@]}"; do
        $sudo apt-get install -y -qq "$package" || failed+=("$package (Debian)")
      done
    fi
  fi
fi

# PyPI packages, in a virtual environment of their own.
if [ ! -x "$venv/bin/python" ]; then
  echo "install.sh: creating $venv"
  "$python" -m venv "$venv" || failed+=("python3-venv (could not create $venv)")
fi
if [ -x "$venv/bin/python" ]; then
  pip=("$venv/bin/python" -m pip install --disable-pip-version-check --no-input -q --no-deps)
  if ! "${pip[@]}" -r "$here/requirements.txt"; then
    while read -r requirement; do
      "${pip[@]}" "$requirement" >/dev/null 2>&1 || failed+=("$requirement (PyPI)")
    done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$here/requirements.txt")
  fi
fi

if [ "${#failed[@]}" -gt 0 ]; then
  echo "install.sh: could not install: ${failed[*]}" >&2
  exit 1
fi

# Check that every tool is found and runs (names the package of any that is not).
"$venv/bin/python" "$here/run.py" --check-deps || exit 1
