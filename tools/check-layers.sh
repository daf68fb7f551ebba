#!/bin/sh
# check-layers.sh - the include graph of game/ against the layers of docs/architecture.md.
#
# Usage: sh tools/check-layers.sh [ROOT]   (ROOT: the repository, default .)
# The "## Layers" section of ROOT/docs/architecture.md lists the folders of
# game/ as numbered lines, lowest layer first, each folder in backquotes:
#     1. `engine`, `base`
# A file of game/FOLDER may include (#include "...") headers of its own folder
# and of folders in lower layers only; game/main.c belongs to the folder
# `main`. Every folder of game/ must stand in some layer. Prints each
# violation as FILE:LINE: ... and exits 1, else prints one "ok" line.
#
# A file of game/ includes nothing outside game/ (never a test's header).
# The tests (ROOT/tests, with bench/ and fuzz/) stand above every layer: they
# may include any header of game/ (a module's *_internal.h too: the save
# tests inject faults through it), but only headers (.h) that exist, of
# game/ or tests/: never a .c file, whose code would then be compiled twice.
set -u
root=${1:-.}
doc=$root/docs/architecture.md
[ -f "$doc" ] || { echo "check-layers: no $doc" >&2; exit 2; }

# folder -> layer number, from the doc
layers=$(awk '
	/^## / { on = ($0 ~ /^## Layers/) ; next }
	on && /^[0-9]+\. / {
		n = $1 + 0; line = $0
		while (match(line, /`[a-z0-9_]+`/)) {
			print substr(line, RSTART + 1, RLENGTH - 2), n
			line = substr(line, RSTART + RLENGTH)
		}
	}' "$doc")
[ -n "$layers" ] || { echo "check-layers: no numbered '## Layers' list in $doc" >&2; exit 2; }

find "$root/game" -name '*.[ch]' | sort | while read -r f; do
	grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" /dev/null
done | awk -v root="$root/game/" -v layers="$layers" '
	BEGIN {
		n = split(layers, rows, "\n")
		for (i = 1; i <= n; i++) { split(rows[i], kv, " "); layer[kv[1]] = kv[2] }
		bad = 0
	}
	# the folder of a path below game/ ("engine"; "main" for main.c)
	function folder(p,   rest, k) {
		rest = substr(p, length(root) + 1)
		k = index(rest, "/")
		return k ? substr(rest, 1, k - 1) : "main"
	}
	# normalise DIR/REL ("a/b/../c" -> "a/c")
	function resolve(dir, rel,   parts, out, m, i, k, s) {
		m = split(dir "/" rel, parts, "/"); k = 0
		for (i = 1; i <= m; i++) {
			if (parts[i] == "..") { if (k > 0) k-- }
			else if (parts[i] != "." && parts[i] != "") out[++k] = parts[i]
		}
		s = (substr(dir, 1, 1) == "/") ? "" : "."
		for (i = 1; i <= k; i++) s = s "/" out[i]
		return s
	}
	{
		# FILE:LINE:#include "X"
		file = $0; sub(/:[0-9]+:.*/, "", file)
		line = $0; sub(/^[^:]*:/, "", line); lineno = line; sub(/:.*/, "", lineno)
		inc = line; sub(/^[^"]*"/, "", inc); sub(/".*/, "", inc)
		dir = file; sub(/\/[^\/]*$/, "", dir)
		target = resolve(dir, inc)
		from = folder(file)
		if (!(from in layer)) {
			if (!(from in told)) printf "%s: error: folder %s is in no layer of docs/architecture.md\n", file, from
			told[from] = 1; bad = 1; next
		}
		gameroot = resolve(root, ".")
		if (index(target, gameroot "/") != 1) {
			printf "%s:%s: error: includes %s, outside game/\n", file, lineno, inc
			bad = 1; next
		}
		to = folder(root substr(target, length(gameroot) + 2))
		if (to == from) next
		if (!(to in layer)) {
			printf "%s:%s: error: includes %s, whose folder %s is in no layer\n", file, lineno, inc, to
			bad = 1
		} else if (layer[to] >= layer[from]) {
			printf "%s:%s: error: %s (layer %d) includes %s (%s, layer %d): only lower layers\n",
			       file, lineno, from, layer[from], inc, to, layer[to]
			bad = 1
		}
		count++
	}
	END {
		if (bad) exit 1
		printf "check-layers: %d includes across folders follow the layers of docs/architecture.md\n", count
	}' || exit 1

# The tests: headers only, each an existing file of game/ or tests/.
[ -d "$root/tests" ] || exit 0
find "$root/tests" -name '*.[ch]' | sort | while read -r f; do
	grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" /dev/null
done | while IFS= read -r hit; do
	file=${hit%%:*}
	rest=${hit#*:}
	lineno=${rest%%:*}
	inc=${rest#*\"}
	inc=${inc%%\"*}
	target=$(dirname "$file")/$inc
	case "$inc" in
	*.h) ;;
	*) echo "$file:$lineno: error: includes $inc: a test includes headers only"; continue ;;
	esac
	if [ ! -f "$target" ]; then
		echo "$file:$lineno: error: includes $inc, which does not exist"
		continue
	fi
	real=$(cd "$(dirname "$target")" && pwd -P)
	case "$real/" in
	"$(cd "$root" && pwd -P)"/game/* | "$(cd "$root" && pwd -P)"/tests/*) ;;
	*) echo "$file:$lineno: error: includes $inc, outside game/ and tests/" ;;
	esac
done | grep . && exit 1
echo "check-layers: the tests include only headers of game/ and tests/"
