# Afterglow's two entry points (see README): `make serve` and `make test`.
# Both install whatever is missing first (.ci/setup), then do their work.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/tests/e2e/node_modules/.bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

.PHONY: serve test setup build sizes profile profile-owners bench

## serve: install what is missing, then serve the app on http://127.0.0.1:8080
serve:
	@bash .ci/setup serve
	@echo "Afterglow will be at http://127.0.0.1:8080 once the first build finishes."
	trunk serve --offline

## test: install what is missing, then run every test layer
test:
	@bash .ci/setup test
	@bash .ci/test

setup:
	@bash .ci/setup test

## build: the release bundle in dist/ (the journal, and the clinic setup page in dist/setup.html)
build:
	bash .ci/build

## sizes: wasm, JS and CSS sizes of dist/, raw and brotli
sizes: build
	node tests/e2e/tools/sizes.mjs dist

## profile: where the first screen's bytes go: the last release build's main module, split
## into /tmp/afterglow-profile and summed by crate and module (raw, before wasm-opt)
profile:
	rm -rf /tmp/afterglow-profile
	wasm-split-cli --target web target/wasm32-unknown-unknown/release/afterglow.wasm /tmp/afterglow-profile >/dev/null
	node tests/e2e/tools/profile.mjs /tmp/afterglow-profile/main.wasm --depth 3 --top 45

## profile-owners: which part of Afterglow each byte of code is there for (a view, the
## store, a record kind), framework code instantiated for it included: the whole program
## built again with v0 symbol names (in target/profile-v0, about 3 minutes), optimised
## with -Os, its names kept, summed by tests/e2e/tools/owners.mjs by owner and by function
## (--families: a framework function compiled again for every use shows as one line)
profile-owners:
	RUSTFLAGS="--cfg erase_components -Clink-args=--emit-relocs -Cllvm-args=-inline-threshold=0 -Csymbol-mangling-version=v0" \
		CARGO_TARGET_DIR=target/profile-v0 cargo build --release --locked --target wasm32-unknown-unknown --bin afterglow
	rm -rf /tmp/afterglow-owners
	wasm-bindgen target/profile-v0/wasm32-unknown-unknown/release/afterglow.wasm --target web --keep-lld-exports \
		--no-demangle --out-dir /tmp/afterglow-owners --out-name main
	wasm-opt -Os -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types --enable-sign-ext \
		--enable-mutable-globals --enable-multivalue /tmp/afterglow-owners/main_bg.wasm -o /tmp/afterglow-owners/opt.wasm
	node tests/e2e/tools/owners.mjs /tmp/afterglow-owners/opt.wasm --depth 3 --top 45
	node tests/e2e/tools/owners.mjs /tmp/afterglow-owners/opt.wasm --families --top 25

## bench: install what is missing, then the performance benchmark (builds the release and a
## hello-world yardstick; prints a table, writes tests/e2e/artifacts/bench.json)
bench:
	@bash .ci/setup test
	node tests/e2e/tools/bench.mjs
