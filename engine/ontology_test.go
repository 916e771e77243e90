package engine

import (
	"bytes"
	"context"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khaldun/khaldun"
	"github.com/khaldun/khaldun/petrarch"
)

func TestNegations(t *testing.T) {
	good := filepath.Join("testdata", "ontology.txt")
	bad := filepath.Join("testdata", "ontology_bad.txt")
	tests := []struct {
		name  string
		files []string
		want  map[string]string
		err   string
		warn  string
	}{
		{"none", nil, nil, "", ""},
		{"one", []string{good}, map[string]string{"111": "050"}, "", ""},
		{"merged", []string{good, bad}, map[string]string{"111": "050", "112": "040"}, "", "ontology_bad.txt:4"},
		{"missing", []string{good, filepath.Join("testdata", "nope.txt")}, nil, "nope.txt", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warn bytes.Buffer
			neg, err := Negations(Options{Petrarch: petrarch.Files{Ontology: tt.files}, Warnings: &warn})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(neg, tt.want) {
				t.Errorf("negations %v, want %v", neg, tt.want)
			}
			if tt.warn == "" && warn.Len() > 0 || !strings.Contains(warn.String(), tt.warn) {
				t.Errorf("warnings %q, want %q", warn.String(), tt.warn)
			}
		})
	}
}

// TestNewOntology checks that the pipeline New builds codes a negated verb
// through the ontology it was given, and drops it without one.
func TestNewOntology(t *testing.T) {
	const body = "France did not criticize Germany on Monday."
	for _, tt := range []struct {
		name  string
		files []string
		want  string // the only event's code, "" for none
	}{
		{"without", nil, ""},
		{"with", []string{filepath.Join("testdata", "ontology.txt")}, "050"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := New(Options{Petrarch: petrarch.Files{Ontology: tt.files}, KeepBoilerplate: true, AnyLanguage: true})
			if err != nil {
				t.Fatal(err)
			}
			doc, err := p.Process(context.Background(), khaldun.Input{Body: []byte(body)})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range doc.Events {
				got = append(got, e.Code)
			}
			if tt.want == "" && len(got) > 0 || tt.want != "" && (len(got) != 1 || got[0] != tt.want) {
				t.Errorf("events %v, want %q", got, tt.want)
			}
		})
	}
}
