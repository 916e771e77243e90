// Package sharedtest locates the shared evaluation sets for tests.
//
// The sets live outside the repository: in $KHALDUN_SHARED when it is
// set, else in the folder named shared beside the repository root (the
// directory holding go.mod). Tests that need them call Dir or Path, which
// skip the test with a message naming KHALDUN_SHARED when the sets are
// absent, so a checkout without them still passes.
//
// The package is for tests only; non-test code must not import it.
package sharedtest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Env is the environment variable naming the shared sets folder.
const Env = "KHALDUN_SHARED"

// Root returns the shared sets folder: $KHALDUN_SHARED when set, else
// the shared folder beside the repository root, found by walking up from
// the working directory (a test's package directory) to the directory
// holding go.mod. It does not check that the folder exists; an error
// means neither the variable nor go.mod could be found.
func Root() (string, error) {
	if d := os.Getenv(Env); d != "" {
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above %s and %s not set", wd, Env)
		}
		dir = parent
	}
}

// Lookup returns the shared file or folder rel (slash-separated, relative
// to Root) and whether it exists, for tests that fall back to other data
// rather than skip.
func Lookup(rel string) (string, bool) {
	root, err := Root()
	if err != nil {
		return "", false
	}
	p := filepath.Join(root, filepath.FromSlash(rel))
	_, err = os.Stat(p)
	return p, err == nil
}

// Dir returns the shared sets folder, skipping tb when it is absent.
func Dir(tb testing.TB) string {
	tb.Helper()
	root, err := Root()
	if err == nil {
		var fi os.FileInfo
		if fi, err = os.Stat(root); err == nil && !fi.IsDir() {
			err = errors.New(root + " is not a directory")
		}
	}
	if err != nil {
		tb.Skipf("shared evaluation sets not found (%v); set %s to the shared/ directory to run this test", err, Env)
	}
	return root
}

// Path returns the shared file or folder rel (slash-separated, relative
// to Dir), skipping tb when the sets or rel are absent.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Dir(tb), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared evaluation file not found (%v); set %s to the shared/ directory to run this test", err, Env)
	}
	return p
}
