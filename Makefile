# pledge — quarterly returns to checked figures, charts and reports.
# Plain GNU make. CC, CFLAGS, LDFLAGS, PREFIX and DESTDIR are yours:
# the build adds to them and never replaces them.

VERSION = 0.1.0
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/pledge
MANDIR ?= $(PREFIX)/share/man
CC ?= cc
CFLAGS ?= -O2 -g
PKG_CONFIG ?= pkg-config
CSV_LIBS = -lcsv
HPDF_LIBS = -lhpdf
CAIRO_CFLAGS = $(shell $(PKG_CONFIG) --cflags cairo cairo-ft freetype2 2>/dev/null)
CAIRO_LIBS = $(shell $(PKG_CONFIG) --libs cairo cairo-ft freetype2 2>/dev/null || echo -lcairo -lfreetype)
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

BUILD ?= build
BIN ?= bin

ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DPLEDGE_VERSION='"$(VERSION)"' -DPLEDGE_DATADIR='"$(DATADIR)"' \
	-Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wno-unused-parameter -pthread -Isrc/lib $(CAIRO_CFLAGS) -MMD -MP $(CFLAGS)
ALL_LDFLAGS = -pthread $(LDFLAGS)

LIB_SRC := $(sort $(wildcard src/lib/*/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
LIB := $(BUILD)/libpledge.a
PROGS := pledge-ingest pledge-template pledge-aggregate pledge-chart pledge-report
PROGS += pledge-audit
PROGS += pledge-run
PROG_BIN := $(PROGS:%=$(BIN)/%)
LIBS = $(CSV_LIBS) -lm

UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
REPLAY_BIN := $(FUZZ_TARGETS:fuzz_%=$(BUILD)/tests/replay_%)
TOOL_SRC := $(filter-out tests/tools/pdf_cairo%.c,$(sort $(wildcard tests/tools/*.c)))
TOOL_BIN := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tests/%)
# pledge-report with its PDFs drawn by Cairo instead of libharu (pdf.h
# over Cairo's PDF surface), to time the report cards against: a test
# tool, never installed.
CAIRO_REPORT := $(BUILD)/tests/pledge-report-cairo

PERIOD ?=

.PHONY: all deps bench-deps check test report bench fuzz sanitize threads threads-run install uninstall clean FORCE
.DEFAULT_GOAL := all

all: $(PROG_BIN)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The installed share folder is compiled in: a change of PREFIX or
# DATADIR rebuilds what uses it.
$(BUILD)/datadir: FORCE
	@mkdir -p $(BUILD)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' >$@
$(BUILD)/src/lib/base/cli.o: $(BUILD)/datadir
$(BUILD)/src/lib/base/paths.o: $(BUILD)/datadir
FORCE:

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN)/%: $(BUILD)/src/%.o $(LIB)
	@mkdir -p $(BIN)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(ALL_LDFLAGS) $(LIBS)

# Only the drawing programs link Cairo and FreeType.
$(BIN)/pledge-chart: LIBS += $(CAIRO_LIBS)
$(BIN)/pledge-report: LIBS += $(CAIRO_LIBS) $(HPDF_LIBS)
# pledge-run hashes its inputs with nettle.
NETTLE_LIBS = -lnettle
$(BIN)/pledge-run: LIBS += $(NETTLE_LIBS)
$(BUILD)/tests/test_safedir: LIBS += $(NETTLE_LIBS)

$(BUILD)/tests/test_%.o: tests/unit/test_%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -c -o $@ $<

$(BUILD)/tests/test_%: $(BUILD)/tests/test_%.o $(LIB)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(ALL_LDFLAGS) $(CMOCKA_LIBS) $(LIBS) $(CAIRO_LIBS) $(HPDF_LIBS)

$(BUILD)/tests/%.o: tests/tools/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(LIB)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(ALL_LDFLAGS) $(LIBS) $(CAIRO_LIBS)

# pdf_cairo.o defines every pdf_* function, so report/pdf.o (and
# libharu) is never taken from the library.
$(CAIRO_REPORT): $(BUILD)/src/pledge-report.o $(BUILD)/tests/pdf_cairo.o \
		$(BUILD)/tests/pdf_cairo_fonts.o $(LIB)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDFLAGS) $(LIBS) $(CAIRO_LIBS)

# Installs the Debian packages the build and tests need when they are
# missing (as root), or says which command to run.
deps:
	@sh src/tools/install-deps

# The whole suite: unit tests, CSV conformance, command-line cases.
test: $(PROG_BIN) $(UNIT_BIN) $(TOOL_BIN) $(CAIRO_REPORT) $(REPLAY_BIN)
	@sh tests/house/run.sh src $(BUILD)/src/lib
	@sh tests/run-unit.sh $(BUILD)/tests $(UNIT_BIN:$(BUILD)/tests/%=%)
	@for t in $(REPLAY_BIN); do PLEDGE_TEMPLATES=templates \
		PLEDGE_FUZZ_DATA=tests/data $$t tests/fuzz/regressions/* || exit 1; done
	@sh tests/spectrum/run.sh $(BUILD)/tests/csvdump
	@sh tests/crosscheck/run.sh $(BIN) $(BUILD)/tests
	@sh tests/cli/run.sh $(abspath $(BIN))
	@sh tests/images/run.sh $(BIN) $(BUILD)/tests
	@sh tests/sector/run.sh $(BIN) $(BUILD)/tests
	@sh tests/report/run.sh $(BIN)
	@sh tests/cairo/run.sh $(BIN) $(BUILD)/tests
	@sh tests/cards/run.sh $(BIN) $(BUILD)/tests
	@sh tests/disclosure/run.sh $(abspath $(BIN))
	@sh tests/a11y/run.sh $(BIN)
	@sh tests/jobs/run.sh $(BIN) $(BUILD)/tests

check: deps
	@$(MAKE) --no-print-directory test

# The whole suite again, built with AddressSanitizer and UBSan.
SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
sanitize: deps
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	$(MAKE) --no-print-directory test BUILD=build/san BIN=build/san/bin \
		CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)"

# What runs on several threads (reading in parts, ranking, writing behind)
# built with ThreadSanitizer: the unit tests of the threaded readers and
# writer, and the cross-check, whose sector is large enough to use them.
TSAN_FLAGS = -O1 -g -fsanitize=thread
threads: deps
	@TSAN_OPTIONS=halt_on_error=1 $(MAKE) --no-print-directory threads-run \
		BUILD=build/tsan BIN=build/tsan/bin \
		CFLAGS="$(TSAN_FLAGS)" LDFLAGS="$(TSAN_FLAGS)"
threads-run: $(BIN)/pledge-ingest $(BIN)/pledge-aggregate \
		$(BUILD)/tests/test_csvin $(BUILD)/tests/test_bgwrite \
		$(BUILD)/tests/test_records \
		$(BUILD)/tests/gen-sector $(BUILD)/tests/csvcut
	@sh tests/run-unit.sh $(BUILD)/tests test_csvin test_records test_bgwrite
	@sh tests/crosscheck/run.sh $(BIN) $(BUILD)/tests

# Runs the pipeline on every quarter folder of input/ (or PERIOD=...).
report: deps
	@$(MAKE) --no-print-directory -s all >/dev/null
	@$(BIN)/pledge-run --input input --output output $(if $(PERIOD),--period $(PERIOD))

# Fuzzing with libFuzzer (clang 14): each target for FUZZ_SECONDS.
FUZZ_CC ?= clang-14
FUZZ_SECONDS ?= 60
FUZZ_FLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined

fuzz: deps
	@sh src/tools/install-deps --fuzz
	@$(MAKE) --no-print-directory -s BUILD=build/fuzz CC=$(FUZZ_CC) \
		CFLAGS="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" build/fuzz/libpledge.a
	@for t in $(FUZZ_TARGETS); do \
		$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o build/fuzz/$$t \
			tests/fuzz/$$t.c build/fuzz/libpledge.a $(LIBS) $(CAIRO_LIBS) || exit 2; \
	done
	@sh tests/fuzz/run.sh build/fuzz $(FUZZ_SECONDS)

# The inputs fuzzing once found a problem with, replayed in every build.
$(BUILD)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ tests/fuzz/fuzz_$*.c tests/fuzz/replay.c $(LIB) \
		$(ALL_LDFLAGS) $(LIBS) $(CAIRO_LIBS)

# Benchmarks: a generated sector through every stage, beside peer tools.
# They report; they never fail.
bench-deps: deps
	@sh src/tools/install-deps --bench

bench: bench-deps
	@$(MAKE) --no-print-directory all $(TOOL_BIN)
	@sh tests/bench/run.sh $(abspath $(BIN)) $(abspath $(BUILD)/tests) $(BENCH_ORGS) $(BENCH_QUARTERS)

BENCH_ORGS ?= 2000
BENCH_QUARTERS ?= 40

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(PROG_BIN) $(DESTDIR)$(BINDIR)
	install -m 644 templates/* $(DESTDIR)$(DATADIR)
	install -m 644 src/man/*.1 $(DESTDIR)$(MANDIR)/man1

uninstall:
	rm -f $(PROGS:%=$(DESTDIR)$(BINDIR)/%) $(PROGS:%=$(DESTDIR)$(MANDIR)/man1/%.1)
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(BUILD) $(BIN)

# Objects made through pattern chains are kept, not deleted as intermediates.
.PRECIOUS: $(BUILD)/%.o $(BUILD)/tests/%.o $(BUILD)/tests/test_%.o $(BUILD)/src/%.o

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
