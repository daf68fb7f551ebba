# Brink - one plain Makefile. `make` builds ./brink; `make test` runs everything.
# Objects live under build/ (normal) and build/asan/ (AddressSanitizer + UBSan).

.DEFAULT_GOAL := all
VERSION   := 0.1.0
PREFIX    ?= /usr/local
DESTDIR   ?=
DATADIR   ?= $(PREFIX)/share/brink
MANDIR    ?= $(PREFIX)/share/man
CC        ?= cc
PKG_CONFIG ?= pkg-config

WARN      := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
ifeq ($(CI),true)
WARN      += -Werror
endif
OPT       ?= -O2 -g
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags ncursesw libconfig libevent_core 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs ncursesw libconfig libevent_core 2>/dev/null)
CRIT_CFLAGS := $(shell $(PKG_CONFIG) --cflags criterion 2>/dev/null)
CRIT_LIBS   := $(shell $(PKG_CONFIG) --libs criterion 2>/dev/null)
DEFS      := -D_DEFAULT_SOURCE -DBRINK_VERSION='"$(VERSION)"' \
             -DBRINK_DATADIR='"$(DATADIR)"'
BASE_CFLAGS := -std=c11 $(WARN) -MMD -MP $(DEFS) $(PKG_CFLAGS)
CFLAGS    ?=
CPPFLAGS  ?=
LDFLAGS   ?=
# The normal build (./brink, build/unit) is the release: assertions compiled
# out. The sanitizer build (build/asan/) keeps them: `make test` runs both.
RELEASE   := -DNDEBUG
ALL_CFLAGS := $(BASE_CFLAGS) $(RELEASE) $(OPT) $(CPPFLAGS) $(CFLAGS)
LIBS      := $(PKG_LIBS) -lpthread -lm
SAN       := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

SRC       := $(sort $(shell find game -name '*.c'))
MAIN_SRC  := game/main.c
LIB_SRC   := $(filter-out $(MAIN_SRC),$(SRC))
ENGINE_SRC := $(filter game/engine/%,$(SRC))
TEST_SRC  := $(sort $(wildcard tests/test_*.c)) tests/fixture.c
BENCH_SRC := $(sort $(wildcard tests/bench/*.c))
# libFuzzer harnesses: every tests/fuzz/fuzz_NAME.c is one (its seeds: tests/fuzz/run.sh)
FUZZ_SRC  := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN  := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=build/fuzz/%.o)
FUZZ_CC   ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SHORT ?= 3
FUZZ_SAN  := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
# the short run in `make test` needs clang with libFuzzer (packages clang, libclang-rt-dev)
HAVE_FUZZ := $(shell printf 'int LLVMFuzzerTestOneInput(const char *d, long n);\nint LLVMFuzzerTestOneInput(const char *d, long n) { return d && n; }\n' | \
               $(FUZZ_CC) -x c -fsanitize=fuzzer -o /dev/null - >/dev/null 2>&1 && echo yes)

OBJ       := $(SRC:%.c=build/%.o)
LIB_OBJ   := $(LIB_SRC:%.c=build/%.o)
TEST_OBJ  := $(TEST_SRC:%.c=build/%.o)
ASAN_LIB_OBJ  := $(LIB_SRC:%.c=build/asan/%.o)
ASAN_MAIN_OBJ := $(MAIN_SRC:%.c=build/asan/%.o)
ASAN_TEST_OBJ := $(TEST_SRC:%.c=build/asan/%.o)

# Objects depend on the version and data folder compiled into them: a change
# of PREFIX or DATADIR rebuilds them.
CONFIG_ID := $(VERSION) $(DATADIR)
$(shell mkdir -p build; [ "$$(cat build/config.stamp 2>/dev/null)" = "$(CONFIG_ID)" ] || \
        echo "$(CONFIG_ID)" > build/config.stamp)
$(OBJ) $(TEST_OBJ) $(ASAN_LIB_OBJ) $(ASAN_MAIN_OBJ) $(ASAN_TEST_OBJ): build/config.stamp

.PHONY: all play test unit unit-asan e2e bench balance check-engine check-files check-layers deps-play deps-test \
        install uninstall clean sim-same

all: brink

brink: $(OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(LIBS)

build/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(if $(filter tests/%,$<),$(CRIT_CFLAGS)) -c -o $@ $<

build/asan/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O1 -g $(SAN) $(CPPFLAGS) $(CFLAGS) $(if $(filter tests/%,$<),$(CRIT_CFLAGS)) -c -o $@ $<

build/unit: $(LIB_OBJ) $(TEST_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS) $(CRIT_LIBS)

build/asan/unit: $(ASAN_LIB_OBJ) $(ASAN_TEST_OBJ)
	$(CC) $(SAN) $(LDFLAGS) -o $@ $^ $(LIBS) $(CRIT_LIBS)

build/asan/brink: $(ASAN_LIB_OBJ) $(ASAN_MAIN_OBJ)
	$(CC) $(SAN) $(LDFLAGS) -o $@ $^ $(LIBS)

build/bench: $(LIB_OBJ) $(BENCH_SRC)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -O2 -o $@ $(LIB_OBJ) $(BENCH_SRC) $(LIBS)

# Fuzzing: the project's objects instrumented for libFuzzer, each harness linked against them.
build/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(BASE_CFLAGS) -Wno-error -O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB_OBJ)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(BASE_CFLAGS) -Wno-error -O1 -g -fsanitize=fuzzer $(FUZZ_SAN) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< \
	  $(FUZZ_LIB_OBJ) $(LIBS)

# make fuzz [FUZZ_SECONDS=60]: each harness for FUZZ_SECONDS with its seed corpus.
fuzz: $(FUZZ_BIN)
	sh tests/fuzz/run.sh $(FUZZ_SECONDS)

# A few seconds each, in `make test`, where clang has libFuzzer.
fuzz-short:
ifeq ($(HAVE_FUZZ),yes)
	@$(MAKE) --no-print-directory $(FUZZ_BIN)
	sh tests/fuzz/run.sh $(FUZZ_SHORT)
else
	@echo "fuzz-short: skipped (no clang with libFuzzer: apt-get install clang libclang-rt-dev)"
endif

# The engine is pure: from its objects, only libc's memory and string helpers
# and no writable storage; no I/O, time, thread or curses header (see the script).
check-engine: $(ENGINE_SRC:%.c=build/%.o)
	@sh tools/check-engine.sh game/engine $^

# Files and folders are opened only by game/base (file.h): no fopen, open,
# opendir or mkstemp in any other object (see the script).
check-files: $(OBJ)
	@sh tools/check-files.sh $(OBJ)

# The include graph follows the layers listed in docs/architecture.md.
check-layers:
	@sh tools/check-layers.sh .

deps-play:
	@sh tools/deps.sh play

deps-test:
	@sh tools/deps.sh test

play: deps-play
	@$(MAKE) --no-print-directory brink
	./brink play

test: deps-test
	@$(MAKE) --no-print-directory check-engine check-files check-layers brink build/unit build/asan/unit build/asan/brink
	sh tests/run_unit.sh build/unit
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  sh tests/run_unit.sh build/asan/unit
	sh tests/e2e/run.sh
	@$(MAKE) --no-print-directory fuzz-short

unit: build/unit
	sh tests/run_unit.sh build/unit

unit-asan: build/asan/unit
	sh tests/run_unit.sh build/asan/unit

e2e: brink build/asan/brink
	sh tests/e2e/run.sh

# `make balance`: every balance target of the model, measured (minutes; not in `make test`).
balance: brink
	tools/balance.sh ./brink

build/bench_net: tests/bench/net/bench_net.c
	$(CC) $(ALL_CFLAGS) -O2 -o $@ $< $(LIBS)

bench: build/bench build/bench_net brink
	./build/bench
	./build/bench_net ./brink

# `make sim-same`: a speed change must change no result. Builds the reference
# from REF (a git revision; default: where this branch left main) in
# build/ref/ and compares the outputs of a fixed set of sims of both
# binaries (tools/sim-same.sh).
sim-same: brink
	rm -rf build/ref && mkdir -p build/ref
	git archive --format=tar $${REF:-$$(git merge-base HEAD main)} | tar -x -C build/ref
	$(MAKE) --no-print-directory -C build/ref brink >/dev/null
	sh tools/sim-same.sh build/ref/brink ./brink

install: brink
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/scenarios/rules \
	  $(DESTDIR)$(DATADIR)/assets $(DESTDIR)$(MANDIR)/man6 $(DESTDIR)$(MANDIR)/man5
	install -m 755 brink $(DESTDIR)$(PREFIX)/bin/brink
	install -m 644 scenarios/*.cfg $(DESTDIR)$(DATADIR)/scenarios/
	install -m 644 scenarios/rules/*.cfg $(DESTDIR)$(DATADIR)/scenarios/rules/
	install -m 644 assets/* $(DESTDIR)$(DATADIR)/assets/
	install -m 644 man/brink.6 $(DESTDIR)$(MANDIR)/man6/brink.6
	install -m 644 man/brink-scenario.5 $(DESTDIR)$(MANDIR)/man5/brink-scenario.5

# Removes exactly what install put there (the file names come from the source
# tree), then the data folders only if that left them empty: scenarios a user
# added to the data folder stay.
INSTALLED_DATA = $(patsubst %,$(DESTDIR)$(DATADIR)/%,$(wildcard scenarios/*.cfg) \
                 $(wildcard scenarios/rules/*.cfg) $(wildcard assets/*))
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/brink $(DESTDIR)$(MANDIR)/man6/brink.6 \
	  $(DESTDIR)$(MANDIR)/man5/brink-scenario.5 $(INSTALLED_DATA)
	rmdir $(DESTDIR)$(DATADIR)/scenarios/rules $(DESTDIR)$(DATADIR)/scenarios \
	  $(DESTDIR)$(DATADIR)/assets $(DESTDIR)$(DATADIR) 2>/dev/null || true

clean:
	rm -rf build brink

-include $(shell find build -name '*.d' 2>/dev/null)
