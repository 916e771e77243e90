// Package web serves the dashboard of khaldun serve: a page built from the
// TypeScript under src/ into dist/ and embedded in the binary. The page
// reads only the public JSON API, so anything it shows a script can get too.
//
// dist/ is built by `make web` (or `go generate ./web`), which needs Node and
// npm; only a placeholder is committed. A binary built without the bundle
// still serves the API, and the page at / says how to build the dashboard.
package web

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:generate sh -c "npm ci --no-audit --no-fund && npm run build"

//go:embed all:dist
var dist embed.FS

// Built reports whether the binary holds a built dashboard.
func Built() bool { return built(dist) }

func built(root fs.FS) bool {
	_, err := fs.Stat(root, "dist/index.html")
	return err == nil
}

// Handler serves the dashboard, or the build instructions when it was not
// built. Paths without a file answer with index.html, so a shared link to
// any page of the dashboard opens it.
func Handler() http.Handler { return handler(dist) }

// handler serves the dist directory of root; the tests give it their own.
func handler(root fs.FS) http.Handler {
	if !built(root) {
		return http.HandlerFunc(notBuilt)
	}
	sub, err := fs.Sub(root, "dist")
	if err != nil { // only for an invalid name, and "dist" is valid
		return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, "dashboard: "+err.Error(), http.StatusInternalServerError)
		})
	}
	files := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		st, err := fs.Stat(sub, name)
		if err != nil && path.Ext(name) != "" {
			// A missing file (an old asset, favicon.ico) is not the page.
			setSecurityHeaders(w)
			http.Error(w, "not found: "+r.URL.Path, http.StatusNotFound)
			return
		}
		if name == "" || err != nil || st.IsDir() {
			serveIndex(w, sub)
			return
		}
		// Built assets carry a content hash in their names (see build.mjs);
		// the index must be fetched anew to pick up a new build.
		if strings.HasPrefix(name, "assets/") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		setSecurityHeaders(w)
		files.ServeHTTP(w, r)
	})
}

func serveIndex(w http.ResponseWriter, sub fs.FS) {
	b, err := fs.ReadFile(sub, "index.html")
	if err != nil {
		http.Error(w, "dashboard index missing from the build: "+err.Error(), http.StatusInternalServerError)
		return
	}
	setSecurityHeaders(w)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(b)
}

// setSecurityHeaders keeps the page to its own origin: it loads no
// third-party script, style, font or tile, and talks only to /api/.
func setSecurityHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'")
	h.Set("Referrer-Policy", "no-referrer")
}

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>khaldun</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.5">
<h1>khaldun</h1>
<p>The JSON API is served under <a href="/api/openapi.json">/api/</a>.</p>
<p>This binary was built without the dashboard. To include it, install Node.js
and npm, then from the repository run <code>make build</code>
(or <code>go generate ./web</code> followed by <code>go build ./cmd/khaldun</code>).</p>
</body></html>
`

func notBuilt(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-cache")
	if strings.Contains(r.Header.Get("Accept"), "text/html") || r.URL.Path == "/" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(notBuiltPage))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write([]byte(`{"error":{"code":"dashboard_not_built","message":"this binary was built without the dashboard: run make build (or go generate ./web, then go build)"}}` + "\n"))
}
