#!/bin/sh
# check-files.sh - files and folders are opened through one layer, game/base.
#
# Usage: sh tools/check-files.sh OBJECT...
#   OBJECT   compiled objects of game/ (build/game/**/*.o); those of a folder
#            named base (game/base/, the file layer) may open files, the rest
#            may not.
# Fails when an object outside base uses a libc call that opens a file or a
# folder by name (fopen, open, opendir, mkstemp, ... below): such a module
# must call game/base/file.h (file_read, file_replace, file_create,
# file_each) instead, so that every file is opened the same careful way.
# Prints every violation and exits 1, else prints one "ok" line and exits 0.
set -u
DENIED="fopen fopen64 freopen freopen64 open open64 __open_2 __open64_2 openat openat64
	__openat_2 __openat64_2 creat creat64 opendir fdopendir scandir scandir64 ftw nftw
	mkstemp mkstemp64 mkostemp mkostemp64 mkstemps mkostemps tmpfile tmpfile64"

[ $# -ge 1 ] || { echo "usage: check-files.sh OBJECT..." >&2; exit 2; }
bad=0 n=0
for o in "$@"; do
	case "$o" in */base/*) continue ;; esac
	n=$((n + 1))
	for sym in $(nm -u "$o" 2>/dev/null | awk '$1 == "U" { print $2 }'); do
		sym=${sym%%@*}
		case " $(echo $DENIED) " in
		*" $sym "*)
			echo "file layer: $o calls '$sym' (open files and folders through game/base/file.h)"
			bad=1 ;;
		esac
	done
done
[ "$bad" -eq 0 ] || exit 1
echo "check-files: $n objects outside game/base open no file themselves"
