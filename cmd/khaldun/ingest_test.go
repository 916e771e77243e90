package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/engine"
	"github.com/khaldun/khaldun/sqlite"
)

// writeArticles writes n distinct articles as JSON Lines, each written
// twice when dup is set (the second copy must be skipped), and returns the
// path.
func writeArticles(t *testing.T, n int, dup bool) string {
	t.Helper()
	leaders := []string{"President Barack Obama", "Russian President Vladimir Putin", "German Chancellor Angela Merkel", "Iranian President Hassan Rouhani"}
	var b strings.Builder
	for i := range n {
		a, c := leaders[i%4], leaders[(i+1)%4]
		text := fmt.Sprintf("%s met %s in Geneva on Tuesday to discuss sanctions, officials said in statement %d.\n\n"+
			"%s criticized %s over the talks, according to report %d, and aides said more meetings would follow.", a, c, i, c, a, i*7+3)
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint(i), "source": fmt.Sprint("Outlet ", i%5),
			"date": fmt.Sprintf("2015-03-%02d", 1+i%28), "title": fmt.Sprint("Talks ", i), "text": text})
		b.Write(line)
		b.WriteByte('\n')
		if dup && i%10 == 0 {
			b.Write(line)
			b.WriteByte('\n')
		}
	}
	path := filepath.Join(t.TempDir(), "articles.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// verify opens the database and checks it is consistent and holds want
// articles.
func verify(t *testing.T, db string, want int) khaldun.StoreStats {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want >= 0 && st.Articles != int64(want) {
		t.Errorf("%d articles stored, want %d", st.Articles, want)
	}
	return st
}

// startIngest runs the binary in the background and waits until it has
// committed at least one batch.
func startIngest(t *testing.T, in, db string) (*exec.Cmd, *strings.Builder) {
	t.Helper()
	cmd := exec.Command(binary, "ingest", in, "--db", db, "--progress-every", "1h")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		if _, err := os.Stat(db); err != nil {
			continue
		}
		s, err := sqlite.Open(context.Background(), db)
		if err != nil {
			continue
		}
		st, err := s.Stats(context.Background())
		s.Close()
		if err == nil && st.Articles > 0 {
			return cmd, &stderr
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	t.Fatalf("nothing stored within a minute: %s", stderr.String())
	return nil, nil
}

// TestIngestKill9 kills an ingest with SIGKILL mid-run — no chance to
// clean up — and checks that the rerun stores every article exactly once
// and leaves the database consistent.
func TestIngestKill9(t *testing.T) {
	const n = 1000
	in, db := writeArticles(t, n, true), filepath.Join(t.TempDir(), "k.db")
	cmd, _ := startIngest(t, in, db)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	killed := verify(t, db, -1)
	if killed.Articles >= n {
		t.Fatalf("the ingest finished before it was killed; raise n")
	}
	t.Logf("killed after %d articles", killed.Articles)

	_, stderr, status := run(t, "", "ingest", in, "--db", db)
	if status != 0 {
		t.Fatalf("rerun status %d: %s", status, stderr)
	}
	want := fmt.Sprintf("%d new articles (%d already stored", n-killed.Articles, killed.Articles+n/10)
	if !strings.Contains(stderr, want) {
		t.Errorf("rerun said %q, want %q", stderr, want)
	}
	st := verify(t, db, n)
	if st.Mentions == 0 || st.Events == 0 {
		t.Errorf("stats %+v", st)
	}
	_, stderr, status = run(t, "", "ingest", in, "--db", db)
	if status != 0 || !strings.Contains(stderr, "0 new articles") {
		t.Errorf("second rerun status %d: %s", status, stderr)
	}
}

// TestIngestInterrupt stops an ingest with SIGINT: it must store what it
// coded, exit with status 2 and say how to continue.
func TestIngestInterrupt(t *testing.T) {
	const n = 1000
	in, db := writeArticles(t, n, false), filepath.Join(t.TempDir(), "k.db")
	cmd, stderr := startIngest(t, in, db)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 2 || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("exit %v after SIGINT: %s", err, stderr.String())
	}
	verify(t, db, -1)
	if _, stderr, status := run(t, "", "ingest", in, "--db", db); status != 0 {
		t.Fatalf("rerun status %d: %s", status, stderr)
	}
	verify(t, db, n)
}

func TestIngestBadInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "mixed.jsonl")
	good := `{"id": "1", "date": "2015-03-02", "text": "President Barack Obama met Russian President Vladimir Putin in Geneva on Tuesday."}`
	if err := os.WriteFile(in, []byte(good+"\n{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "k.db")
	_, stderr, status := run(t, "", "ingest", in, "--db", db)
	if status != 1 || !strings.Contains(stderr, "mixed.jsonl:2") || !strings.Contains(stderr, "1 input(s) failed") {
		t.Errorf("status %d: %s", status, stderr)
	}
	verify(t, db, 1)
	// KHALDUN_DB names the database when --db is absent.
	cmd := exec.Command(binary, "ingest", in)
	cmd.Env = append(os.Environ(), "KHALDUN_DB="+db)
	out, _ := cmd.CombinedOutput()
	if !strings.Contains(string(out), "0 new articles (1 already stored, 1 failed)") {
		t.Errorf("KHALDUN_DB ignored: %s", out)
	}
}

// TestArticleID checks that the ID computed to skip stored articles before
// coding is the ID the pipeline gives them.
func TestArticleID(t *testing.T) {
	p, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{
		"Officials met in Geneva on Tuesday.",
		"Reading Time: 3 minutes\n\nOfficials met in Geneva.\n\nSign up for Daily Newsletters Manage Newsletters\n",
		"Caf\xe9 owners protested in Paris\u00a0on Friday.\r\n",
		"e\u0301t\u00e9 — NFC or not.",
	} {
		doc, err := p.Process(context.Background(), khaldun.Input{Body: []byte(body)})
		if err != nil {
			t.Fatal(err)
		}
		if got := articleID(khaldun.Input{Body: []byte(body)}); got != doc.Article.ID {
			t.Errorf("%q: articleID %s, pipeline %s", body, got, doc.Article.ID)
		}
	}
	if id := articleID(khaldun.Input{Body: []byte(" \n ")}); id != "" {
		t.Errorf("blank body has id %q", id)
	}
}

func TestIngestCountsNotAnalysed(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "mixed.jsonl")
	body := `{"id":"1","text":"Police arrested two protesters in Minsk on Monday after clashes near the parliament building."}` + "\n" +
		`{"id":"2","text":"La police a arrêté deux manifestants lundi à Minsk après des affrontements près du parlement, selon les autorités locales."}` + "\n"
	if err := os.WriteFile(in, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, status := run(t, "", "ingest", in, "--db", filepath.Join(dir, "k.db"))
	if status != 0 || !strings.Contains(stderr, "2 new articles") || !strings.Contains(stderr, "not analysed: language fr 1") {
		t.Errorf("status %d:\n%s", status, stderr)
	}
}
