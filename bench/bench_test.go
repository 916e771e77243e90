package bench

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/sqlite"
)

const corpus = "testdata/articles.jsonl" // five articles and one without text

func TestRun(t *testing.T) {
	tests := []struct {
		name     string
		opt      Options
		store    bool
		articles int
	}{
		{"whole corpus", Options{Workers: 1}, false, 5},
		{"article budget", Options{Workers: 2, Articles: 2}, false, 2},
		{"stored", Options{Workers: 2}, true, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := tt.opt
			o.Paths = []string{corpus}
			if tt.store {
				s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "b.db"))
				if err != nil {
					t.Fatal(err)
				}
				defer s.Close()
				o.Store, o.Engine.WithText, o.Dictionary, o.Pipeline = s, true, "test", "test"
			}
			rep, err := Run(context.Background(), o)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Articles != tt.articles {
				t.Errorf("%d articles, want %d", rep.Articles, tt.articles)
			}
			if rep.Sentences < 2*rep.Articles || rep.Events == 0 {
				t.Errorf("%d sentences, %d events for %d articles", rep.Sentences, rep.Events, rep.Articles)
			}
			if tt.opt.Articles == 0 && rep.NoText+rep.Failed != 1 {
				t.Errorf("%d without text, %d failed; want the empty article in one", rep.NoText, rep.Failed)
			}
			// Models are loaded once per process, so only the first run
			// pays for them; the dictionaries are compiled every time.
			if rep.Startup.Dictionaries <= 0 || rep.Startup.Total <= 0 || rep.Startup.DictLive == 0 || rep.Startup.TotalLive < rep.Startup.DictLive {
				t.Errorf("start-up %+v", rep.Startup)
			}
			var names []string
			for _, s := range rep.Stages {
				names = append(names, s.Name)
				if s.Wall <= 0 {
					t.Errorf("stage %s took no time", s.Name)
				}
			}
			for _, want := range []string{"read", "norm", "lang", "pos", "entities", "coder", "tone"} {
				if !slices.Contains(names, want) {
					t.Errorf("stages %v lack %s", names, want)
				}
			}
			if slices.Contains(names, "store") != tt.store {
				t.Errorf("stages %v: store listed %v, want %v", names, !tt.store, tt.store)
			}
			if tt.store {
				st, err := o.Store.Stats(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				if st.Articles != int64(rep.Articles) {
					t.Errorf("%d articles stored, %d coded", st.Articles, rep.Articles)
				}
			}
			// events only is the text layer plus the coder, less than the
			// whole pipeline.
			gs := rep.Groups()
			var coder Stage
			for _, s := range rep.Stages {
				if s.Name == "coder" {
					coder = s
				}
			}
			if gs[1].Wall != gs[0].Wall+coder.Wall || gs[1].Wall >= gs[2].Wall {
				t.Errorf("groups %+v, coder %v", gs, coder.Wall)
			}
			var out bytes.Buffer
			if err := rep.WriteText(&out); err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"start-up: dictionaries", "events only (text layer + coder)", "whole pipeline", "per CPU-second"} {
				if !strings.Contains(out.String(), want) {
					t.Errorf("report lacks %q:\n%s", want, out.String())
				}
			}
		})
	}
}
