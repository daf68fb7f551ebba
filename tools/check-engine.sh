#!/bin/sh
# check-engine.sh - the engine is pure: prove it from its object files and headers.
#
# Usage: sh tools/check-engine.sh DIR OBJECT...
#   DIR      the engine's source folder (game/engine): its files may include no
#            header of I/O, time, threads, curses or libconfig
#   OBJECT   the engine's compiled objects (build/game/engine/*.o)
# Checks, each able to fail:
#   1. every symbol the objects use and do not define themselves is in the
#      allow-list below (libc's memory and string helpers; assert's handler in
#      builds with assertions): no malloc/calloc/realloc/free, no stdio, no
#      getenv, no time, no rand, no other module's globals;
#   2. no object holds writable static storage: no symbol in .data or .bss
#      (read-only tables, even with pointers, sit in .rodata/.data.rel.ro);
#   3. no source includes a forbidden system header.
# Prints every violation and exits 1, else prints one "ok" line and exits 0.
set -u
ALLOWED="memcpy memmove memset memcmp strcmp strncmp strlen __assert_fail __stack_chk_fail"

[ $# -ge 2 ] || { echo "usage: check-engine.sh DIR OBJECT..." >&2; exit 2; }
dir=$1
shift
bad=0

defined=$(nm --defined-only "$@" 2>/dev/null | awk 'NF >= 3 { print $3 }' | sort -u)
used=$(nm -u "$@" 2>/dev/null | awk '$1 == "U" { print $2 }' | sort -u)
for sym in $used; do
	printf '%s\n' "$defined" | grep -qx -- "$sym" && continue
	case " $ALLOWED " in *" $sym "*) continue ;; esac
	echo "engine purity: uses '$sym' (not in the allow-list of tools/check-engine.sh)"
	bad=1
done

# sysv format: name|value|class|type|size|line|section
for o in "$@"; do
	nm -f sysv --defined-only "$o" 2>/dev/null | awk -F'|' -v obj="$o" '
		NF >= 7 {
			name = $1; sec = $7
			gsub(/^ +| +$/, "", name); gsub(/^ +| +$/, "", sec)
			if (sec == ".data" || sec == ".bss" || sec ~ /^\.(data|bss)\./ && sec !~ /^\.data\.rel\.ro/ || sec == "*COM*")
				printf "engine purity: %s holds writable storage \"%s\" (%s)\n", obj, name, sec
		}'
done | grep . && bad=1

inc=$(grep -nE '#include *<(stdio|stdlib|curses|ncurses|libconfig|time|unistd|pthread|signal|fcntl|sys/)' \
	"$dir"/*.c "$dir"/*.h 2>/dev/null)
if [ -n "$inc" ]; then
	printf '%s\n' "$inc" | sed 's/^/engine purity: forbidden header: /'
	bad=1
fi

[ "$bad" -eq 0 ] || exit 1
echo "check-engine: game/engine is pure ($# objects: libc helpers only, no writable storage)"
