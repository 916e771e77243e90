package http

import (
	"context"
	"io"
	"log"
	"net"
	nethttp "net/http"
	"strings"
	"testing"
)

// TestWithPage checks the split between the API and the page that
// khaldun serve mounts at /, served through ServeWith on a real listener.
func TestWithPage(t *testing.T) {
	s := &Server{Store: testStore(t), Version: "test", ErrorLog: log.New(io.Discard, "", 0)}
	page := nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "page:"+r.URL.Path)
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.ServeWith(ctx, l, s.WithPage(page)) }()
	base := "http://" + l.Addr().String()
	tests := []struct {
		path   string
		status int
		body   string
	}{
		{"/", 200, "page:/"},
		{"/index.html", 200, "page:/index.html"},
		{"/apis", 200, "page:/apis"}, // only /api/ is the API's
		{"/api/stats", 200, `"articles":6`},
		{"/api/nothing", 404, `"not_found"`},
		{"/api", 404, `"not_found"`},
		{"/api/events?colour=red", 400, `unknown parameter`},
	}
	for _, tt := range tests {
		status, body := do(t, "GET", base+tt.path, "", "")
		if status != tt.status || !strings.Contains(string(body), tt.body) {
			t.Errorf("GET %s: %d %.120s, want %d with %s", tt.path, status, body, tt.status, tt.body)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("ServeWith after cancel: %v", err)
	}
}
