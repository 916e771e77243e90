package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/source"
)

// writeShard writes n articles as JSON Lines, gzipped when the name ends
// in .gz, with bodies of varied length like a real corpus.
func writeShard(t *testing.T, path string, n, from int) {
	t.Helper()
	var b strings.Builder
	for i := range n {
		k := from + i
		body := strings.Repeat(fmt.Sprintf("The council of district %d voted on the harbour budget again. ", k), 3+k%7)
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint(k), "title": fmt.Sprint("Vote ", k), "date": "2020-01-02", "text": body})
		b.Write(line)
		b.WriteByte('\n')
	}
	data := []byte(b.String())
	if strings.HasSuffix(path, ".gz") {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		zw := gzip.NewWriter(f)
		zw.Write(data)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSizeEstimate(t *testing.T) {
	dir := t.TempDir()
	writeShard(t, filepath.Join(dir, "a.jsonl.gz"), 120, 0)
	writeShard(t, filepath.Join(dir, "b.jsonl.gz"), 120, 120)
	writeShard(t, filepath.Join(dir, "c.jsonl"), 120, 240)
	writeShard(t, filepath.Join(dir, ".hidden.jsonl"), 500, 360) // skipped by source and by the estimate
	const total = 360

	tests := []struct {
		name  string
		paths []string
		nilE  bool
		// after is the number of inputs seen after which the estimate must
		// be within tol of the true total.
		after int
		tol   float64
	}{
		{"directory", []string{dir}, false, 130, 0.15},
		{"files", []string{filepath.Join(dir, "a.jsonl.gz"), filepath.Join(dir, "b.jsonl.gz"), filepath.Join(dir, "c.jsonl")}, false, 130, 0.15},
		{"first file alone, gzip trailer", []string{dir}, false, 60, 0.5},
		{"stdin", []string{"-"}, true, 0, 0},
		{"nothing there", []string{filepath.Join(dir, "none")}, true, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newSizeEstimate(tt.paths)
			if (e == nil) != tt.nilE {
				t.Fatalf("estimate %v, want nil %v", e, tt.nilE)
			}
			if e == nil {
				return
			}
			seen := 0
			var last int64
			for in, err := range source.Read(context.Background(), tt.paths, source.Options{}) {
				last = e.see(in, err)
				seen++
				if seen == tt.after {
					if d := float64(last-total) / total; d > tt.tol || d < -tt.tol {
						t.Errorf("after %d inputs: estimate %d, want %d ± %.0f%%", seen, last, total, 100*tt.tol)
					}
				}
				if last != 0 && last < int64(seen) {
					t.Errorf("estimate %d below the %d inputs seen", last, seen)
				}
			}
			if seen != total {
				t.Fatalf("read %d inputs, want %d", seen, total)
			}
			if d := float64(last-total) / total; d > 0.05 || d < -0.05 {
				t.Errorf("final estimate %d, want %d ± 5%%", last, total)
			}
		})
	}
}
