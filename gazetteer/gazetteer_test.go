package gazetteer

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

const sample = "# kind\tgeonameid\tname\talts\tadjectives\tiso3\tadmin1\tlat\tlon\tpopulation\tfcode\tcapital\n" +
	"C\t0\tRuritania\tKingdom of Ruritania\tRuritanian\tRUR\t\t45.5\t20.25\t900000\tPCLI\t7\n" +
	"A\t0\tNorth March\tN.M.\t\tRUR\tNM\t46\t21\t300000\tADM1\t\n" +
	"P\t7\tStrelsau\tStrelsau Town\t\tRUR\tNM\t45.1\t20.9\t250000\tPPLC\t\n"

func TestLoad(t *testing.T) {
	g, err := Load(strings.NewReader(sample), false)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		kind Kind
		adj  bool
	}{
		{"Ruritania", Country, false},
		{"kingdom of  RURITANIA", Country, false},
		{"Ruritanian", Country, true},
		{"N.M.", Admin1, false},
		{"Strelsau Town", City, false},
	}
	for _, c := range cases {
		ms := g.Lookup(c.name)
		if len(ms) != 1 || ms[0].Kind != c.kind || ms[0].Adjective != c.adj {
			t.Errorf("Lookup(%q) = %+v", c.name, ms)
		}
	}
	if g.Country("RUR").Capital != 7 || g.ByID(7).Name != "Strelsau" || g.Region("RUR", "NM") == nil {
		t.Error("indexes by code and id are wrong")
	}
	if g.MaxWords() != 3 {
		t.Errorf("MaxWords = %d", g.MaxWords())
	}
}

func TestLoadRejects(t *testing.T) {
	for _, line := range []string{
		"X\t0\tA\t\t\tRUR\t\t1\t1\t1\tP\t",
		"P\tx\tA\t\t\tRUR\t\t1\t1\t1\tP\t",
		"P\t1\tA\t\t\tRUR\t\t91\t1\t1\tP\t",
		"P\t1\tA\t\t\tRUR\t\t1\t181\t1\tP\t",
		"P\t1\tA\t\t\tRUR\t\t1\t1\t-5\tP\t",
		"P\t1\t\t\t\tRUR\t\t1\t1\t1\tP\t",
		"P\t1\tA\t\t\tRU\t\t1\t1\t1\tP\t",
		"P\t1\tA\t\t\tRUR\t\t1\t1\t1\tP",
		"P\t1\tA\t\t\tRUR\t\t1\t1\t1\tP\t\textra",
	} {
		if _, err := Load(strings.NewReader(line+"\n"), false); err == nil {
			t.Errorf("accepted %q", line)
		}
	}
	if _, err := Load(strings.NewReader("not gzip"), true); err == nil {
		t.Error("accepted a non-gzip stream")
	}
}

func TestDefaultContents(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"Turkey": "TUR", "U.S.": "USA", "Ivory Coast": "CIV", "Syrian": "SYR"} {
		found := false
		for _, m := range g.Lookup(name) {
			found = found || (m.Kind == Country && m.Country == want)
		}
		if !found {
			t.Errorf("%s is not country %s", name, want)
		}
	}
	capital := false
	for _, m := range g.Lookup("Washington") {
		capital = capital || (m.Capital && m.Country == "USA" && m.Kind == City)
	}
	if !capital {
		t.Error("Washington is not marked as the US capital")
	}
	n := map[Kind]int{}
	for _, e := range g.Entries {
		n[e.Kind]++
	}
	if n[Country] < 240 || n[City] < 130000 || n[Admin1] < 100 || n[Continent] != 7 {
		t.Errorf("counts by kind %v", n)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte(sample), false)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(sample))
	zw.Close()
	f.Add(buf.Bytes(), true)
	f.Fuzz(func(t *testing.T, data []byte, gz bool) {
		g, err := Load(bytes.NewReader(data), gz)
		if err != nil {
			return
		}
		for i := range g.Entries {
			g.Lookup(g.Entries[i].Name)
		}
	})
}
