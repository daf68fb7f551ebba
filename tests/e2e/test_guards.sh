#!/bin/sh
# test_guards.sh - the guards of `make test` can fail: check-engine.sh rejects an object
# that allocates, keeps a global or includes stdio; check-layers.sh rejects an include
# that points up a layer, comes from a folder in no layer or leaves game/, and a test
# that includes a .c file or a header outside game/ and tests/; check-files.sh rejects an
# object outside game/base that calls fopen or opendir; all pass on the real tree;
# the Makefile passes CPPFLAGS and LDFLAGS on.
# Run by tests/e2e/run.sh (BRINK, ROOT, E2E_TMP set; the working folder is scratch).
set -u
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
CC=${CC:-cc}

# 1. check-engine: an impure object is refused, each fault named.
mkdir -p eng
cat >eng/impure.c <<'C'
#include <stdio.h>
#include <stdlib.h>
int turns_seen;
static int calls = 1;
int *impure(int *p);
int *impure(int *p) { calls++; turns_seen++; puts(getenv("HOME")); return realloc(p, 4); }
C
"$CC" -c -o eng/impure.o eng/impure.c || fail "cannot compile the impure object"
sh "$ROOT/tools/check-engine.sh" eng eng/impure.o >eng.out 2>&1 && fail "check-engine passed an impure object"
for want in "'realloc'" "'getenv'" "'puts'" '"turns_seen" (.bss)' '"calls" (.data)' 'forbidden header'; do
	grep -qF -- "$want" eng.out || { fail "check-engine does not name $want"; cat eng.out; }
done
mkdir -p pure
cat >pure/pure.c <<'C'
#include <string.h>
static const char *const names[] = { "a", "b" };
int pure(const char *s);
int pure(const char *s) { return strcmp(s, names[1]); }
C
"$CC" -c -o pure/pure.o pure/pure.c || fail "cannot compile the pure object"
sh "$ROOT/tools/check-engine.sh" pure pure/pure.o >eng.out 2>&1 || { fail "check-engine refused a pure object"; cat eng.out; }
sh "$ROOT/tools/check-engine.sh" "$ROOT/game/engine" "$ROOT"/build/game/engine/*.o >eng.out 2>&1 ||
	{ fail "check-engine refuses the real engine"; cat eng.out; }

# 2. check-layers: a tree whose engine includes the UI, and a folder in no layer.
mkdir -p tree/docs tree/game/engine tree/game/ui tree/game/stray
cp "$ROOT/docs/architecture.md" tree/docs/
printf '#include "world.h"\n' >tree/game/engine/turn.c
printf '/* ok */\n' >tree/game/engine/world.h
printf '#include "../engine/world.h"\n' >tree/game/ui/play.c
printf '#include "../engine/world.h"\n' >tree/game/ui/play.h
sh "$ROOT/tools/check-layers.sh" tree >lay.out 2>&1 || { fail "check-layers refused a good tree"; cat lay.out; }
printf '#include "world.h"\n#include "../ui/play.h"\n' >tree/game/engine/turn.c
sh "$ROOT/tools/check-layers.sh" tree >lay.out 2>&1 && fail "check-layers passed engine -> ui"
grep -q 'tree/game/engine/turn.c:2: error: engine (layer 1) includes ../ui/play.h' lay.out ||
	{ fail "check-layers does not name the upward include"; cat lay.out; }
printf '#include "world.h"\n' >tree/game/engine/turn.c
printf '#include "../engine/world.h"\n' >tree/game/stray/stray.c
sh "$ROOT/tools/check-layers.sh" tree >lay.out 2>&1 && fail "check-layers passed a folder in no layer"
grep -q 'folder stray is in no layer' lay.out || { fail "check-layers does not name the stray folder"; cat lay.out; }
rm -r tree/game/stray
#    game/ that includes a test's header; tests that include a .c file, a missing header,
#    or a header outside game/ and tests/.
mkdir -p tree/tests tree/other
printf '/* ok */\n' >tree/tests/fixture.h
printf '/* ok */\n' >tree/other/x.h
printf '#include "../engine/world.h"\n#include "../../tests/fixture.h"\n' >tree/game/ui/play.c
sh "$ROOT/tools/check-layers.sh" tree >lay.out 2>&1 && fail "check-layers passed game/ including tests/"
grep -q 'tree/game/ui/play.c:2: error: includes ../../tests/fixture.h, outside game/' lay.out ||
	{ fail "check-layers does not name the include of a test header"; cat lay.out; }
printf '#include "../engine/world.h"\n' >tree/game/ui/play.c
printf '#include "fixture.h"\n#include "../game/engine/world.h"\n' >tree/tests/test_ok.c
sh "$ROOT/tools/check-layers.sh" tree >lay.out 2>&1 || { fail "check-layers refused a good test"; cat lay.out; }
printf '#include "../game/engine/turn.c"\n#include "../game/engine/none.h"\n#include "../other/x.h"\n' \
	>tree/tests/test_bad.c
sh "$ROOT/tools/check-layers.sh" tree >lay.out 2>&1 && fail "check-layers passed a bad test"
for want in 'test_bad.c:1: error: includes ../game/engine/turn.c: a test includes headers only' \
	'test_bad.c:2: error: includes ../game/engine/none.h, which does not exist' \
	'test_bad.c:3: error: includes ../other/x.h, outside game/ and tests/'; do
	grep -qF -- "$want" lay.out || { fail "check-layers does not say: $want"; cat lay.out; }
done
sh "$ROOT/tools/check-layers.sh" "$ROOT" >lay.out 2>&1 || { fail "check-layers refuses the real tree"; cat lay.out; }

# 3. check-files: an object outside game/base that opens a file or a folder is refused;
#    the same object under a base folder, and the real objects, pass.
mkdir -p files/game/net files/game/base
cat >files/stray.c <<'C'
#include <dirent.h>
#include <stdio.h>
int stray(const char *path);
int stray(const char *path)
{
	FILE *f = fopen(path, "r");
	DIR *d = opendir(path);
	if (d)
		closedir(d);
	return f ? fclose(f) : -1;
}
C
"$CC" -c -o files/game/net/stray.o files/stray.c || fail "cannot compile the stray object"
cp files/game/net/stray.o files/game/base/stray.o
sh "$ROOT/tools/check-files.sh" files/game/net/stray.o >files.out 2>&1 && fail "check-files passed a stray fopen"
for want in "files/game/net/stray.o calls 'fopen'" "files/game/net/stray.o calls 'opendir'"; do
	grep -qF -- "$want" files.out || { fail "check-files does not name $want"; cat files.out; }
done
sh "$ROOT/tools/check-files.sh" files/game/base/stray.o >files.out 2>&1 ||
	{ fail "check-files refused the base layer"; cat files.out; }
make -s -C "$ROOT" check-files >files.out 2>&1 || { fail "check-files refuses the real tree"; cat files.out; }

# 4. The Makefile passes the user's CPPFLAGS and LDFLAGS on (dry run, nothing built).
make -s -n -B -C "$ROOT" brink CPPFLAGS=-DGUARD_CPP LDFLAGS=-Wl,-zguard-ld >make.out 2>&1
grep -q -- '-DGUARD_CPP .*-c ' make.out || fail "CPPFLAGS does not reach the compiler"
grep -q -- '-Wl,-zguard-ld .*-o brink' make.out || fail "LDFLAGS does not reach the linker"
grep -q -- '-DNDEBUG' make.out || fail "the release build keeps its assertions"

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
exit 0
