# khaldun's build. `go build ./cmd/khaldun` alone gives a binary that serves
# the API without the dashboard; `make build` builds the dashboard (Node.js
# and npm, packages from web/package-lock.json) and embeds it.

GO ?= go
NPM ?= npm

.PHONY: build web web-check test-web clean-web

build: web
	$(GO) build -o khaldun ./cmd/khaldun

# The dashboard bundle in web/dist, embedded by package web.
web: web/node_modules/.package-lock.json
	cd web && $(NPM) run check && $(NPM) test && $(NPM) run build

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && $(NPM) ci --no-audit --no-fund

# The browser tests (headless Chromium from Debian's chromium package).
test-web: web
	$(GO) test -count=1 -run TestDashboardInBrowser -v ./web

clean-web:
	find web/dist -mindepth 1 -maxdepth 1 ! -name README.md -exec rm -rf {} +
