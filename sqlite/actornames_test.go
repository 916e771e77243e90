package sqlite

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/khaldun/khaldun"
)

// checkActorNames compares actor_names with a count over the mentions.
func checkActorNames(t *testing.T, s *Store, when string) {
	t.Helper()
	read := func(q string) map[[3]string]int {
		rows, err := s.read.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[[3]string]int{}
		for rows.Next() {
			var k [3]string
			var n int
			if err := rows.Scan(&k[0], &k[1], &k[2], &n); err != nil {
				t.Fatal(err)
			}
			out[k] = n
		}
		return out
	}
	got := read(`SELECT side, text, code, mentions FROM actor_names`)
	want := read(`SELECT 1, source_text, source_code, count(*) FROM mentions GROUP BY 2, 3
		UNION ALL SELECT 2, target_text, target_code, count(*) FROM mentions WHERE target_code IS NOT NULL GROUP BY 2, 3`)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: actor_names %v, mentions %v", when, got, want)
	}
}

// TestActorNames checks the table behind /api/actors?q= against the
// mentions through saves and hand edits, and the search it serves.
func TestActorNames(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	talks := "Officials met in Geneva on Monday. The talks went on."
	fr, de := meet("FRAGOV", "DEUGOV", "2024-05-01"), meet("FRAGOV", "", "2024-05-02")
	fr.Source.Text = "the French minister"
	de.Source.Text = "Paris"
	if _, err := s.Save(ctx, coded("a1", "wire", "2024-05-01", talks, fr, de),
		coded("a2", "bugle", "2024-05-01", talks, fr)); err != nil {
		t.Fatal(err)
	}
	checkActorNames(t, s, "after save")
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"french", []string{"FRAGOV"}},
		{"DEUG", []string{"DEUGOV"}},
		{"paris", []string{"FRAGOV"}},
		{"nobody", nil},
	} {
		as, err := s.Actors(ctx, khaldun.ActorFilter{Query: tc.q})
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, a := range as {
			codes = append(codes, a.Code)
		}
		if !reflect.DeepEqual(codes, tc.want) {
			t.Errorf("actors %q: %v, want %v", tc.q, codes, tc.want)
		}
	}
	for _, q := range []string{
		`UPDATE mentions SET source_text = 'Élysée' WHERE source_text = 'Paris'`,
		`UPDATE mentions SET target_code = 'DEUMIL' WHERE target_code = 'DEUGOV' AND article = 1`,
		`DELETE FROM mentions WHERE article = 2`,
	} {
		if _, err := s.write.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		checkActorNames(t, s, q)
	}
}

// TestDataVersion checks that the version changes with every commit, by
// this store or another on the same file, and only then: a cancelled
// caller must not change it.
func TestDataVersion(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	other, err := Open(ctx, s.path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	v0, err := s.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	s.DataVersion(cancelled)
	if v, _ := s.DataVersion(ctx); v != v0 {
		t.Errorf("version moved from %x to %x without a write", v0, v)
	}
	talks := "Officials met in Geneva on Monday. The talks went on."
	seen := map[uint64]bool{v0: true}
	for i, w := range []*Store{s, other} {
		if _, err := w.Save(ctx, coded(fmt.Sprint("v", i), "wire", "2024-05-01", talks, meet("FRAGOV", "", "2024-05-01"))); err != nil {
			t.Fatal(err)
		}
		v, err := s.DataVersion(ctx)
		if err != nil || seen[v] {
			t.Errorf("after a save by store %d: version %x (seen before: %v), %v", i+1, v, seen[v], err)
		}
		seen[v] = true
	}
}
