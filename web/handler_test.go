package web

import (
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func TestHandler(t *testing.T) {
	builtFS := fstest.MapFS{
		"dist/README.md":          {Data: []byte("placeholder")},
		"dist/index.html":         {Data: []byte("<!doctype html><title>dash</title>")},
		"dist/assets/app-AB12.js": {Data: []byte("console.log(1)")},
	}
	bare := fstest.MapFS{"dist/README.md": {Data: []byte("placeholder")}}
	tests := []struct {
		name, method, path, accept string
		fsys                       fstest.MapFS
		status                     int
		body, typ, cache           string
	}{
		{"index", "GET", "/", "", builtFS, 200, "<title>dash</title>", "text/html", "no-cache"},
		{"shared link to a view", "GET", "/events/x", "text/html", builtFS, 200, "<title>dash</title>", "text/html", "no-cache"},
		{"hashed asset is kept", "GET", "/assets/app-AB12.js", "", builtFS, 200, "console.log(1)", "javascript", "immutable"},
		{"missing file is not the page", "GET", "/favicon.ico", "", builtFS, 404, "not found", "text/plain", ""},
		{"missing old asset", "GET", "/assets/app-OLD.js", "", builtFS, 404, "not found", "text/plain", ""},
		{"directory is the page", "GET", "/assets/", "", builtFS, 200, "<title>dash</title>", "text/html", "no-cache"},
		{"head", "HEAD", "/", "", builtFS, 200, "", "text/html", "no-cache"},
		{"post refused", "POST", "/", "", builtFS, 405, "method not allowed", "text/plain", ""},
		{"not built: page says how", "GET", "/", "text/html", bare, 404, "make build", "text/html", "no-cache"},
		{"not built: JSON for programs", "GET", "/x.js", "*/*", bare, 404, `"dashboard_not_built"`, "application/json", "no-cache"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, tt.path, nil)
			if tt.accept != "" {
				r.Header.Set("Accept", tt.accept)
			}
			w := httptest.NewRecorder()
			handler(tt.fsys).ServeHTTP(w, r)
			if w.Code != tt.status {
				t.Errorf("status %d, want %d", w.Code, tt.status)
			}
			if !strings.Contains(w.Body.String(), tt.body) {
				t.Errorf("body %q lacks %q", w.Body.String(), tt.body)
			}
			if got := w.Header().Get("Content-Type"); !strings.Contains(got, tt.typ) {
				t.Errorf("Content-Type %q, want %q", got, tt.typ)
			}
			if got := w.Header().Get("Cache-Control"); !strings.Contains(got, tt.cache) {
				t.Errorf("Cache-Control %q, want %q", got, tt.cache)
			}
		})
	}
}

func TestBuiltMatchesEmbed(t *testing.T) {
	// The embedded directory always holds the placeholder; Built is true
	// exactly when a build put index.html beside it.
	if _, err := dist.Open("dist/README.md"); err != nil {
		t.Fatalf("placeholder missing from the embed: %v", err)
	}
	_, err := dist.Open("dist/index.html")
	if Built() != (err == nil) {
		t.Errorf("Built() = %v, index.html present = %v", Built(), err == nil)
	}
}
