#!/bin/sh
# deps.sh play|test - make sure the Debian packages Brink needs are installed.
# Installs what is missing with apt-get when run as root or with password-less
# sudo; otherwise prints the one command to run and fails.
set -u
what=${1:-play}
pkgs=""
need_pc() { pkg-config --exists "$1" 2>/dev/null || pkgs="$pkgs $2"; }
command -v pkg-config >/dev/null 2>&1 || pkgs="$pkgs pkg-config"
command -v cc >/dev/null 2>&1 || pkgs="$pkgs gcc libc6-dev"
command -v make >/dev/null 2>&1 || pkgs="$pkgs make"
need_pc ncursesw libncurses-dev
need_pc libconfig libconfig-dev
need_pc libevent_core libevent-dev
if [ "$what" = test ]; then
	need_pc criterion libcriterion-dev
	command -v tmux >/dev/null 2>&1 || pkgs="$pkgs tmux"
	# the short fuzzing run of make test: clang with its libFuzzer runtime
	command -v clang >/dev/null 2>&1 || pkgs="$pkgs clang"
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 ||
		pkgs="$pkgs libclang-rt-dev"
fi
[ -z "$pkgs" ] && exit 0
cmd="apt-get install -y --no-install-recommends$pkgs"
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo"
else
	echo "brink needs these Debian packages:$pkgs" >&2
	echo "Install them with:  sudo $cmd" >&2
	exit 1
fi
echo "Installing:$pkgs"
if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo $cmd; }; then
	echo "Could not install the packages. Run:  sudo $cmd" >&2
	exit 1
fi
