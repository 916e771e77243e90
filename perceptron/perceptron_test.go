package perceptron

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// The hashes define the keys stored in the shipped models, so they are
// pinned to known values: FNV-1a's published vector for "a" and the
// splitmix64 finaliser of 1.
func TestHashPinned(t *testing.T) {
	if got := HashString("a"); got != 0xaf63dc4c8601ec8c {
		t.Errorf("HashString(a) = %#x", got)
	}
	if HashString([]byte("a")) != HashString("a") {
		t.Error("HashString differs between string and []byte")
	}
	if got := Mix(1); got != 0x5692161d100b05e5 {
		t.Errorf("Mix(1) = %#x", got)
	}
}

func TestPackAndTable(t *testing.T) {
	keys := []uint64{30, 10, 20}
	rows := [][]Weight{{{2, -5}, {1, 7}}, {{0, 3}}, {{4, 1}}}
	sorted, offs, weights, err := Pack(keys, rows)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sorted, []uint64{10, 20, 30}) || !slices.Equal(offs, []uint32{0, 1, 2, 4}) {
		t.Fatalf("Pack: keys %v offs %v", sorted, offs)
	}
	want := []uint32{PackWeight(0, 3), PackWeight(4, 1), PackWeight(1, 7), PackWeight(2, -5)}
	if !slices.Equal(weights, want) {
		t.Fatalf("Pack: weights %v, want %v", weights, want)
	}
	tab := NewTable(sorted, offs, 2*len(sorted))
	for i, k := range sorted {
		off, n := tab.Get(k)
		if off != offs[i] || n != offs[i+1]-offs[i] {
			t.Errorf("Get(%d) = %d, %d", k, off, n)
		}
	}
	if _, n := tab.Get(99); n != 0 {
		t.Error("Get found an absent key")
	}
}

func TestAveraged(t *testing.T) {
	p := NewAveraged()
	feats := []uint64{1, 2}
	scores := make([]int64, 3)
	for range 4 {
		p.Score(feats, scores)
		p.Update(feats, 2, 0)
		p.Tick()
	}
	p.Score(feats, scores)
	if scores[2] <= scores[0] {
		t.Fatalf("scores %v do not favour the trained class", scores)
	}
	keys, rows := p.Averages(1)
	if len(keys) != 2 || len(rows[0]) != 2 {
		t.Fatalf("Averages: %v %v", keys, rows)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.bin")
	if err := WriteFileAtomic(path, []byte("x"), ".m-*"); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "x" {
		t.Fatalf("read back %q, %v", got, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
	if ents, _ := os.ReadDir(filepath.Dir(path)); len(ents) != 1 {
		t.Errorf("%d files left, want 1", len(ents))
	}
}
