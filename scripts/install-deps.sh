#!/bin/sh
# Installs the system packages the generator needs, when they are missing.
set -eu
missing=""
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
if ! pkg-config --exists libcmark 2>/dev/null; then missing="$missing libcmark-dev"; fi
# Images and share cards: libvips, and the fonts the built-in share card is set in.
if ! pkg-config --exists vips 2>/dev/null; then missing="$missing libvips-dev"; fi
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf ] || missing="$missing fonts-dejavu-core"
[ -z "$missing" ] && exit 0
echo "Installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
    apt-get update
    apt-get install -y $missing
elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update
    sudo apt-get install -y $missing
else
    echo "error: missing packages:$missing; install them as root (apt-get install$missing)" >&2
    exit 1
fi
