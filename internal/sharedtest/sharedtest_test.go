package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRootFromEnv(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(Env, dir)
	if got, err := Root(); err != nil || got != dir {
		t.Fatalf("Root() = %q, %v; want %q", got, err, dir)
	}
	if got := Dir(t); got != dir {
		t.Fatalf("Dir = %q, want %q", got, dir)
	}
}

func TestRootBesideModule(t *testing.T) {
	t.Setenv(Env, "")
	got, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	// This package sits two levels below the module root.
	want, err := filepath.Abs(filepath.Join("..", "..", "..", "shared"))
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("Root() = %q, want %q", got, want)
	}
}

func TestPath(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "data", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "x", "f.txt"), []byte("hi"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(Env, dir)
	if got, want := Path(t, "data/x/f.txt"), filepath.Join(dir, "data", "x", "f.txt"); got != want {
		t.Fatalf("Path = %q, want %q", got, want)
	}
	if p, ok := Lookup("data/x/f.txt"); !ok || p != filepath.Join(dir, "data", "x", "f.txt") {
		t.Fatalf("Lookup = %q, %v", p, ok)
	}
	if _, ok := Lookup("data/missing"); ok {
		t.Fatal("Lookup found a missing file")
	}
}

// TestSkips checks that Dir and Path skip, rather than fail, when the sets
// or the file are absent.
func TestSkips(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		env  string
		call func(testing.TB)
	}{
		{"missing dir", filepath.Join(dir, "nope"), func(tb testing.TB) { Dir(tb) }},
		{"missing file", dir, func(tb testing.TB) { Path(tb, "data/absent.txt") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(Env, c.env)
			var skipped bool
			inner := t.Run("inner", func(t *testing.T) {
				defer func() { skipped = t.Skipped() }()
				c.call(t)
				t.Error("did not skip")
			})
			if !inner || !skipped {
				t.Fatalf("want skip; passed=%v skipped=%v", inner, skipped)
			}
		})
	}
}
