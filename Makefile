# PartnerDesk — build, run and test.
#
#   make run    build and start the desktop app on the default data file
#   make test   gofmt, go vet (also for Windows and macOS), staticcheck, a
#               cyclomatic-complexity limit of 15 (gocyclo) and
#               go test -race, as CI runs them; prints "tests: N passed,
#               N failed, N skipped" and fails on a skip not allowed in
#               .ci/allowed-skips
#
# Release builds go to dist/: make windows, package-windows, package-linux
# (and package-darwin on a Mac); see "Cutting a release" in README.md.
#
# Both install what they need on Debian/Ubuntu (with sudo when not root).

GO        ?= go
BIN       := bin
PKG       := github.com/partnerdesk/partnerdesk
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT    ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
DATE      ?= $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS   := -X $(PKG)/cmd/internal/buildinfo.Version=$(VERSION) \
             -X $(PKG)/cmd/internal/buildinfo.Commit=$(COMMIT) \
             -X $(PKG)/cmd/internal/buildinfo.Date=$(DATE)
GOBIN     := $(shell $(GO) env GOPATH)/bin
STATICCHECK := $(GOBIN)/staticcheck

# Debian packages: a C compiler and the OpenGL/X11 headers for Fyne's
# desktop driver, and the PDF tools the tests read documents back with.
BUILD_PKGS := gcc libc6-dev pkg-config libgl-dev libxcursor-dev libxrandr-dev \
              libxinerama-dev libxi-dev libxxf86vm-dev
# postgresql: the server store's tests start a throwaway PostgreSQL of
# their own (model/store/pgtest); nothing is configured system-wide.
# libreoffice-calc-nogui: the printable registers are converted to PDF by
# LibreOffice in a test, to count their pages and check their type size.
# gnome-keyring, dbus: the keychain test keeps a password in a real Secret
# Service, in a private D-Bus session of its own (ui/keychain).
TEST_PKGS  := poppler-utils qpdf cups postgresql libreoffice-calc-nogui gnome-keyring dbus

# ensure_pkgs installs the missing Debian packages of $(1), or says what to
# install where there is no apt.
define ensure_pkgs
	@if command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
	  missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then \
	    sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	    echo "Installing Debian packages:$$missing"; \
	    $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  fi; \
	else \
	  echo "Not Debian/Ubuntu: install Go 1.26, a C compiler and OpenGL headers yourself (macOS: xcode-select --install; Windows: MSYS2 mingw-w64 gcc; Linux: your distribution's gcc, pkg-config and libgl/libx* dev packages; for tests also poppler and qpdf)."; \
	fi
endef

.PHONY: all build run test deps test-deps fmt-check vet cross-check staticcheck complexity unit demo bench partnerctl clean screenshots startup-time crash-trials fuzz \
        windows windows-smoke run-smoke fresh-check package-windows package-linux package-darwin

all: build

deps:
	$(call ensure_pkgs,$(BUILD_PKGS))

test-deps:
	$(call ensure_pkgs,$(BUILD_PKGS) $(TEST_PKGS))

build: deps
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN)/partnerdesk ./cmd/partnerdesk
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN)/partnerctl ./cmd/partnerctl

partnerctl:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN)/partnerctl ./cmd/partnerctl

# The app opens $(DB) when given, else $$PARTNERDESK_DB, else the default
# file in the user's configuration folder.
run: build
	$(BIN)/partnerdesk $(if $(DB),--db "$(DB)")

demo: partnerctl
	$(BIN)/partnerctl demo $(if $(DB),--db "$(DB)")

test: test-deps fmt-check vet cross-check staticcheck complexity unit

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

# The packages that build without cgo (everything but the GUI), and the
# Windows and macOS builds of them: vetted and their tests compiled for
# both systems, so platform files (drive_windows.go, printing's windows.go,
# the darwin files) never rot unseen; partnerctl is cross-compiled too.
NOGUI_PKGS := ./model/... ./reports/... ./assets/... ./cmd/partnerctl ./cmd/crashtrial ./cmd/internal/...
cross-check:
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	CGO_ENABLED=0 GOOS=darwin GOARCH=arm64 $(GO) vet $(NOGUI_PKGS); \
	for os in windows darwin; do \
	  echo "GOOS=$$os: vet, test -c, partnerctl"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=amd64 $(GO) vet $(NOGUI_PKGS); \
	  out=$$(CGO_ENABLED=0 GOOS=$$os GOARCH=amd64 $(GO) test -c -o $$tmp/ $(NOGUI_PKGS) 2>&1) || { echo "$$out"; exit 1; }; \
	  echo "$$out" | grep -v 'no test files' || true; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=amd64 $(GO) build -o $$tmp/partnerctl-$$os ./cmd/partnerctl; \
	done

$(STATICCHECK):
	$(GO) install honnef.co/go/tools/cmd/staticcheck@v0.8.2

staticcheck: $(STATICCHECK)
	$(STATICCHECK) ./...

# complexity fails when a function outside the tests has a cyclomatic
# complexity over 15 (storetest holds the shared contract tests, compiled
# outside _test.go files).
GOCYCLO := $(GOBIN)/gocyclo
$(GOCYCLO):
	$(GO) install github.com/fzipp/gocyclo/cmd/gocyclo@v0.6.0
complexity: $(GOCYCLO)
	@$(GOCYCLO) -over 15 -ignore '_test\.go$$|/storetest/|/testdata/' . || \
	  { echo "functions above are over cyclomatic complexity 15: split them at a natural seam"; exit 1; }

# Packages below ui/ must build without cgo (and so without Fyne). The
# tests run through cmd/internal/testreport: the output of passing tests
# is left out, every skip is listed with its reason, and a skip not on the
# allow-list fails the run (in CI a missing tool already fails the test).
unit:
	CGO_ENABLED=0 $(GO) build $(NOGUI_PKGS)
	$(GO) build -o /dev/null ./cmd/partnerdesk
	$(GO) run ./cmd/internal/testreport -allow .ci/allowed-skips -- \
	  $(GO) test -race -json -timeout 30m ./...

# bench runs every benchmark (store, catalog/search, screens, exports,
# PDFs) BENCH_COUNT times and writes the raw results to bench.txt and a
# summary (medians with their spread, by benchstat) to bench-summary.txt.
# The 50,000-agreement data file is generated once into the temporary
# folder and reused.
BENCH_COUNT ?= 5
BENCHSTAT   := $(GOBIN)/benchstat
$(BENCHSTAT):
	$(GO) install golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
bench: $(BENCHSTAT)
	$(GO) test -run '^$$' -bench . -benchmem -count $(BENCH_COUNT) -timeout 60m ./... | tee bench.txt
	$(BENCHSTAT) bench.txt | tee bench-summary.txt

# screenshots runs the real app under Xvfb on demonstration data (fixed
# seed and date) and saves a PNG of each screen in screenshots/.
SHOT_DIR   ?= screenshots
SHOT_SPECS ?= dashboard:ru partners:ru agreements:ru agreement:СП-2025/001:ru \
              agreement:СП-2025/001:tab.responsibilities:ru agreement:СП-2025/001:tab.principles:kk \
              agreement:СП-2025/001:tab.outcomes:ky partner:Ақ?Бидай:ru reports:en settings:en
screenshots: build
	$(call ensure_pkgs,xvfb imagemagick)
	@set -e; tmp=$$(mktemp -d); mkdir -p $(SHOT_DIR); \
	$(BIN)/partnerctl demo --db $$tmp/demo.db --seed 1 --today 28.11.2026 >/dev/null; \
	Xvfb :97 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$$!; sleep 1; \
	for spec in $(SHOT_SPECS); do \
	  lang=$${spec##*:}; start=$$(echo "$${spec%:*}" | tr '?' ' '); \
	  name=$$(echo "$$start-$$lang" | tr ':/ ' '___'); \
	  DISPLAY=:97 XDG_CONFIG_HOME=$$tmp/config LANG=en_US.UTF-8 $(BIN)/partnerdesk --db $$tmp/demo.db --start "$$start" --lang $$lang >$$tmp/app.log 2>&1 & app=$$!; \
	  sleep 3; DISPLAY=:97 import -window root $(SHOT_DIR)/$$name.png; kill $$app; wait $$app 2>/dev/null || true; \
	  echo "$(SHOT_DIR)/$$name.png"; \
	done; kill $$xvfb; rm -rf $$tmp

# startup-time starts the real app under Xvfb on a 10,000-partner,
# 50,000-agreement file and prints how long it takes until the window
# shows the finished dashboard: it records the screen's hash every ~0.1 s
# for a few seconds and reports the first moment the screen equals its
# final state (so the figure has the capture interval as resolution).
STARTUP_DB ?= $(or $(TMPDIR),/tmp)/partnerdesk-startup-10000-50000.db
startup-time: build
	$(call ensure_pkgs,xvfb imagemagick)
	@test -f "$(STARTUP_DB)" || $(BIN)/partnerctl demo --db "$(STARTUP_DB)" --partners 10000 --agreements 50000 --seed 1 --today 28.11.2026
	@set -e; tmp=$$(mktemp -d); \
	Xvfb :94 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$$!; sleep 1; \
	for run in 1 2 3; do \
	  rm -f $$tmp/log; t0=$$(date +%s%N); \
	  DISPLAY=:94 XDG_CONFIG_HOME=$$tmp/config LANG=en_US.UTF-8 PARTNERDESK_STARTUP_PROBE=1 $(BIN)/partnerdesk --db "$(STARTUP_DB)" --lang ru >$$tmp/app.log 2>&1 & app=$$!; \
	  end=$$((t0 + 6000000000)); \
	  while [ $$(date +%s%N) -lt $$end ]; do \
	    h=$$(DISPLAY=:94 import -window root -depth 8 rgb:- 2>/dev/null | md5sum | cut -c1-12); \
	    echo "$$(( ($$(date +%s%N) - t0) / 1000000 )) $$h" >> $$tmp/log; \
	  done; \
	  kill $$app; wait $$app 2>/dev/null || true; \
	  final=$$(tail -1 $$tmp/log | cut -d' ' -f2); \
	  ms=$$(awk -v f=$$final '$$2==f {print $$1; exit}' $$tmp/log); \
	  echo "run $$run: first complete frame after $$ms ms ($$(grep -o 'window ready after [0-9]* ms' $$tmp/app.log))"; \
	done; kill $$xvfb; rm -rf $$tmp

clean:
	rm -rf $(BIN) $(DIST) $(SHOT_DIR) samples

# run-smoke does what `make run` does under Xvfb, as a user would see it:
# builds the app, starts it on an empty data file in a fresh user folder
# (XDG_CONFIG_HOME), waits for its window, saves a screenshot
# (SMOKE_SHOT), checks that it is not empty, closes the window as a window
# manager would (WM_DELETE_WINDOW) and requires a clean exit within 20 s.
SMOKE_SHOT ?= $(BIN)/run-smoke.png
SMOKE_PKGS := xvfb xdotool imagemagick python3-xlib
run-smoke: build
	$(call ensure_pkgs,$(SMOKE_PKGS))
	@set -e; tmp=$$(mktemp -d); app=; xvfb=; \
	trap 'kill $$app $$xvfb 2>/dev/null; rm -rf "$$tmp"' EXIT; \
	Xvfb :95 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$$!; \
	for i in $$(seq 50); do DISPLAY=:95 xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done; \
	DISPLAY=:95 XDG_CONFIG_HOME=$$tmp/config LANG=en_US.UTF-8 timeout 300 $(MAKE) -s run >$$tmp/app.log 2>&1 & app=$$!; \
	win=; for i in $$(seq 240); do \
	  win=$$(DISPLAY=:95 xdotool search --onlyvisible --name PartnerDesk 2>/dev/null | head -1 || true); \
	  [ -n "$$win" ] && break; kill -0 $$app 2>/dev/null || { cat $$tmp/app.log; echo "run-smoke: the app ended before showing a window"; exit 1; }; sleep 0.5; \
	done; [ -n "$$win" ] || { cat $$tmp/app.log; echo "run-smoke: no window within 120 s"; exit 1; }; \
	sleep 3; mkdir -p $$(dirname $(SMOKE_SHOT)); DISPLAY=:95 import -window root $(SMOKE_SHOT); \
	colours=$$(convert $(SMOKE_SHOT) -format '%k' info:); \
	[ "$$colours" -gt 20 ] || { echo "run-smoke: the screenshot is empty ($$colours colours)"; exit 1; }; \
	DISPLAY=:95 .ci/wine/close-window.py $$win; \
	for i in $$(seq 40); do kill -0 $$app 2>/dev/null || break; sleep 0.5; done; \
	if kill -0 $$app 2>/dev/null; then echo "run-smoke: the app still runs 20 s after its window was closed"; exit 1; fi; \
	wait $$app || { cat $$tmp/app.log; echo "run-smoke: make run failed"; exit 1; }; app=; \
	ls $$tmp/config/PartnerDesk/*.db >/dev/null || { echo "run-smoke: no data file in the user folder"; exit 1; }; \
	echo "run-smoke: window shown ($$colours colours, $(SMOKE_SHOT)), closed cleanly, data file in the user folder"

# fresh-check runs the README's quick start as a new developer would: a
# clone of HEAD in a temporary folder with HOME, GOCACHE, GOMODCACHE,
# GOPATH and XDG_* pointing at empty folders, then `make run-smoke` (make
# run under Xvfb, screenshot, close) and `make test`. It takes as long as
# a first build on a new machine (about 20 minutes on 2 cores); its log and
# timings go to $(FRESH_LOG). System packages are not removed: run it on a
# new machine for the whole story.
FRESH_LOG ?= $(or $(TMPDIR),/tmp)/partnerdesk-fresh-check.log
fresh-check:
	@set -e; tmp=$$(mktemp -d /tmp/pdfresh.XXXXXX); \
	git clone -q . $$tmp/src; mkdir -p $$tmp/home $$tmp/cache $$tmp/gopath $$tmp/config $$tmp/data; \
	echo "fresh-check in $$tmp (log: $(FRESH_LOG))"; \
	env -i PATH=/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
	  HOME=$$tmp/home GOCACHE=$$tmp/cache GOMODCACHE=$$tmp/gopath/pkg/mod GOPATH=$$tmp/gopath \
	  XDG_CONFIG_HOME=$$tmp/config XDG_DATA_HOME=$$tmp/data XDG_CACHE_HOME=$$tmp/cache/xdg \
	  LANG=C.UTF-8 $${CI:+CI=$$CI} \
	  sh -c 'cd '$$tmp'/src && t0=$$(date +%s) && make run-smoke SMOKE_SHOT='$$tmp'/run.png && t1=$$(date +%s) && \
	    make test && t2=$$(date +%s) && \
	    echo "fresh-check: make run $$((t1-t0)) s, make test $$((t2-t1)) s"' 2>&1 | tee $(FRESH_LOG); \
	tail -1 $(FRESH_LOG) | grep -q '^fresh-check: make run' || { echo "fresh-check FAILED (kept $$tmp)"; exit 1; }; \
	cp $$tmp/run.png $(BIN)/fresh-check-run.png 2>/dev/null || true; chmod -R u+w $$tmp; rm -rf $$tmp

# ---- Release builds (dist/, git-ignored) ----------------------------------

DIST      := dist
FYNE      := $(GOBIN)/fyne
MINGW_CC  := x86_64-w64-mingw32-gcc
WIN_PKGS  := gcc-mingw-w64-x86-64
# The tags fyne package builds with (release mode; FyneApp.toml's
# [Migrations] fyneDo): make windows builds what the packages contain.
REL_TAGS  := release,migrated_fynedo
# A tag vX.Y.Z on HEAD sets the packages' version; otherwise FyneApp.toml's
# Version is used. The build number counts the commits.
APP_VERSION := $(shell echo '$(VERSION)' | sed -n 's/^v\([0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*\)$$/\1/p')
APP_BUILD   ?= $(shell git rev-list --count HEAD 2>/dev/null || echo 1)
$(FYNE):
	$(GO) install fyne.io/tools/cmd/fyne@v1.7.4

# windows cross-compiles both programs for 64-bit Windows 10/11 with
# MinGW: a GUI executable (no console window), stripped, version stamped.
# It has no icon or manifest; package-windows adds them.
windows:
	$(call ensure_pkgs,$(WIN_PKGS))
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=$(MINGW_CC) $(GO) build -trimpath -tags $(REL_TAGS) \
	  -ldflags "-H=windowsgui -s -w $(LDFLAGS)" -o $(DIST)/windows/partnerdesk.exe ./cmd/partnerdesk
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -trimpath \
	  -ldflags "-s -w $(LDFLAGS)" -o $(DIST)/windows/partnerctl.exe ./cmd/partnerctl
	@ls -l $(DIST)/windows/partnerdesk.exe $(DIST)/windows/partnerctl.exe

# windows-smoke runs the programs make windows built under Wine 8.0 and
# Xvfb (.ci/windows-smoke): partnerctl.exe init, demo, list, show, print,
# export, import, backup, restore and the lock message, on a data file
# under a Cyrillic user folder, its PDF text and register cells compared
# with the Linux build's; partnerdesk.exe's window shown, one click, a
# clean exit. Screenshots and logs go to dist/windows-smoke/.
WINE_PKGS := wine64 libgl1 libgl1-mesa-dri libglx-mesa0 libxrandr2 libxcursor1 libxi6 \
             libxinerama1 libxrender1 libxcomposite1 libxxf86vm1 libxfixes3 fonts-dejavu-core \
             xvfb xdotool imagemagick python3-xlib poppler-utils $(WIN_PKGS)
windows-smoke:
	$(call ensure_pkgs,$(WINE_PKGS))
	@test -f $(DIST)/windows/partnerdesk.exe || $(MAKE) windows
	timeout 600 .ci/windows-smoke $(DIST)/windows-smoke

# fyne_package runs fyne package -os $(1) on a copy of the sources (the
# files git knows, committed or not), so that neither the files it injects
# while building nor its rewrite of FyneApp.toml (Build+1) touch the
# repository, and moves the result $(2) to dist/$(1)/$(3). $(4) is more
# environment for the build. The version is stamped by a file added to the
# copy: fyne package -os windows builds twice and drops the -ldflags given
# in GOFLAGS from the second build.
define fyne_package
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	git ls-files -z -c -o --exclude-standard | tar -c --null -T - -f - | tar -x -C "$$tmp" -f -; \
	cp FyneApp.toml "$$tmp/cmd/partnerdesk/"; \
	printf 'package buildinfo\n\nfunc init() { Version, Commit, Date = "%s", "%s", "%s" }\n' \
	  '$(VERSION)' '$(COMMIT)' '$(DATE)' > "$$tmp/cmd/internal/buildinfo/stamp.go"; \
	echo "fyne package -os $(1) $(if $(APP_VERSION),--app-version $(APP_VERSION) )--app-build $(APP_BUILD) ($(VERSION), $(COMMIT), $(DATE))"; \
	( cd "$$tmp/cmd/partnerdesk" && $(4) $(FYNE) package -os $(1) -release \
	    -icon "$$tmp/assets/icon.png" $(if $(APP_VERSION),--app-version $(APP_VERSION)) --app-build $(APP_BUILD) ); \
	mkdir -p $(DIST)/$(1)/$(3); rm -rf $(DIST)/$(1)/$(3)$(2); mv "$$tmp/cmd/partnerdesk/$(2)" $(DIST)/$(1)/$(3); \
	ls -l $(DIST)/$(1)/$(3)$(2)
endef

# package-windows: dist/windows/package/PartnerDesk.exe, the executable to
# give users, with the icon, version information and manifest built in.
package-windows: $(FYNE)
	$(call ensure_pkgs,$(WIN_PKGS))
	$(call fyne_package,windows,PartnerDesk.exe,package/,CC=$(MINGW_CC) GOARCH=amd64)

# package-linux: dist/linux/PartnerDesk.tar.xz, with a Makefile that
# installs the program, its icon and desktop entry (make user-install).
package-linux: deps $(FYNE)
	$(call fyne_package,linux,PartnerDesk.tar.xz)

# package-darwin: dist/darwin/PartnerDesk.app. Only on a Mac with Xcode's
# command line tools (Apple's SDK cannot be used here).
package-darwin: $(FYNE)
	@[ "$$(uname -s)" = Darwin ] || { echo "package-darwin runs on macOS only (see README.md, Cutting a release)"; exit 1; }
	$(call fyne_package,darwin,PartnerDesk.app)

# Sample documents from demo data with a fixed seed and date, and PNGs of
# their pages (samples/<name>-<page>.png) to look at: the memorandum in each
# language, both bilingual layouts, a long tripartite agreement, a partner
# card and a register. Same data, same bytes (SOURCE_DATE_EPOCH fixes the
# PDFs' dates).
SAMPLES_TODAY   := 28.11.2026
SAMPLES_EPOCH   := 1795824000
SAMPLES_MEMO    := СП-2026/001
SAMPLES_LONG    := ТР-2026/001
SAMPLES_PARTNER := 140340035922

.PHONY: samples
samples: partnerctl
	$(call ensure_pkgs,poppler-utils)
	rm -rf samples && mkdir -p samples
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	export SOURCE_DATE_EPOCH=$(SAMPLES_EPOCH); \
	ctl="$(BIN)/partnerctl"; db="--db $$tmp/demo.db"; day="--today $(SAMPLES_TODAY)"; \
	$$ctl demo $$db --seed 1 $$day --long; \
	for lang in ru kk ky en; do \
	  $$ctl print memorandum "$(SAMPLES_MEMO)" $$db $$day --lang $$lang --out samples/memorandum-$$lang.pdf; \
	done; \
	for bi in kk+ru ky+ru; do \
	  $$ctl print memorandum "$(SAMPLES_MEMO)" $$db $$day --bilingual $$bi --out samples/memorandum-$$bi.pdf; \
	done; \
	$$ctl print memorandum "$(SAMPLES_LONG)" $$db $$day --out samples/long-ru.pdf; \
	$$ctl print memorandum "$(SAMPLES_LONG)" $$db $$day --bilingual kk+ru --out samples/long-kk+ru.pdf; \
	$$ctl print partner $(SAMPLES_PARTNER) $$db $$day --out samples/partner-card.pdf; \
	$$ctl print register $$db $$day --status active,expiring --out samples/register.pdf
	for f in samples/*.pdf; do pdftoppm -png -r 70 "$$f" "$${f%.pdf}"; done
	@ls samples

# 200 rounds of SIGKILL at random moments while a child process saves,
# imports, backs up and exports; prints a tally, exits 1 on any loss.
# About 5 minutes on 2 cores. ROUNDS=n and SEED=n repeat or shorten a run.
ROUNDS ?= 200
crash-trials:
	CGO_ENABLED=0 $(GO) run ./cmd/crashtrial -rounds $(ROUNDS) $(if $(SEED),-seed $(SEED))

# Every fuzz target in the repository (packages whose tests hold a
# "func Fuzz", targets listed by go test -list) for FUZZTIME each, one
# worker, so CI stays bounded. A failing input is written to the
# package's testdata/fuzz and fails the run. Go 1.26 sometimes fails a
# target with "context deadline exceeded" at the end of -fuzztime with no
# failing input (golang/go#75804, fixed in Go 1.27): that alone is
# reported and ignored.
FUZZTIME ?= 5s
fuzz:
	@export CGO_ENABLED=0; failed=0; out=$$(mktemp); \
	for dir in $$(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -n1 dirname | sort -u); do \
	  for target in $$($(GO) test -list '^Fuzz' $$dir | grep '^Fuzz'); do \
	    echo "== $$dir $$target ($(FUZZTIME))"; \
	    before=$$(ls $$dir/testdata/fuzz/$$target 2>/dev/null | wc -l); \
	    if $(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) -parallel 1 $$dir >$$out 2>&1; then \
	      tail -1 $$out; \
	    elif grep -q 'context deadline exceeded' $$out && [ "$$(ls $$dir/testdata/fuzz/$$target 2>/dev/null | wc -l)" = "$$before" ]; then \
	      echo "   deadline race at the end of -fuzztime, no failing input: ignored (golang/go#75804)"; \
	    else \
	      cat $$out; failed=1; \
	    fi; \
	  done; \
	done; rm -f $$out; exit $$failed
