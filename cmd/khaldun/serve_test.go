package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// freeAddr returns a loopback address with a port free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	if _, stderr, status := run(t, "", "ingest", writeArticles(t, 4, false), "--db", db); status != 0 {
		t.Fatalf("ingest: %d %s", status, stderr)
	}
	addr := freeAddr(t)
	cmd := exec.Command(binary, "serve", "--addr", addr, "--db", db, "--token", "t0ken")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	// Wait must not hang on the stderr pipe if the server is killed.
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// done is closed when the server has exited, so the cleanup and the
	// SIGTERM check can both wait for it.
	done := make(chan struct{})
	var waitErr error
	go func() { waitErr = cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-done
	})
	base := "http://" + addr
	get := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	deadline := time.Now().Add(60 * time.Second) // the pipeline loads first
	for {
		if status, _ := get("/api/stats"); status == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not up: %s", stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	status, body := get("/api/events?limit=2")
	var page struct {
		Events []struct{ ID string }
		Next   string
	}
	if err := json.Unmarshal([]byte(body), &page); status != 200 || err != nil || len(page.Events) != 2 || page.Next == "" {
		t.Fatalf("events: %d %v %s", status, err, body)
	}
	if status, body := get("/api/events/" + page.Events[0].ID); status != 200 || !strings.Contains(body, `"mentions"`) {
		t.Errorf("event: %d %s", status, body)
	}
	if status, body := get("/api/events?quad_class=9"); status != 400 || !strings.Contains(body, `"bad_request"`) {
		t.Errorf("bad filter: %d %s", status, body)
	}
	post := func(token string) int {
		req, _ := http.NewRequest("POST", base+"/api/articles", strings.NewReader(
			`{"title": "Visit", "date": "2015-04-02", "text": "President Barack Obama met German Chancellor Angela Merkel in Berlin on Thursday."}`))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if s := post(""); s != 401 {
		t.Errorf("post without token: %d", s)
	}
	if s := post("t0ken"); s != 201 {
		t.Errorf("post: %d", s)
	}
	if status, body := get("/api/stats"); status != 200 || !strings.Contains(body, `"articles":5`) {
		t.Errorf("stats after post: %d %s", status, body)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-done:
		if waitErr != nil {
			t.Errorf("exit: %v\n%s", waitErr, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Error("no exit after SIGTERM")
	}
	if !strings.Contains(stderr.String(), "server stopped") {
		t.Errorf("stderr: %s", stderr.String())
	}
}

func TestServeRefusesOpenReadsElsewhere(t *testing.T) {
	_, stderr, status := run(t, "", "serve", "--addr", "0.0.0.0:0", "--db", filepath.Join(t.TempDir(), "k.db"))
	if status == 0 || !strings.Contains(stderr, "token") {
		t.Errorf("status %d: %s", status, stderr)
	}
}
