package export

import (
	"bufio"
	"compress/gzip"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/lexicon"
)

// TestFIPSTable lints the ISO→FIPS table: sorted (fipsOf searches it),
// unique both ways, well-formed, and every ISO code one that khaldun
// writes, a country of the gazetteer (locations) or of the lexicon
// (actors), so that a typo cannot hide in a row never looked up.
func TestFIPSTable(t *testing.T) {
	placeCountry := gazetteerCountries(t)
	entries, err := lexicon.Entries("data/countries.txt")
	if err != nil {
		t.Fatal(err)
	}
	actorCountry := map[string]bool{}
	for _, e := range entries {
		if len(e.Fields) > 1 {
			actorCountry[e.Fields[1]] = true
		}
	}
	// Kosovo is the one country with two codes: UNK in the gazetteer,
	// XKX in the lexicon.
	aliases := map[[2]string]bool{{"UNK", "XKX"}: true}
	iso, two := regexp.MustCompile(`^[A-Z]{3}$`), regexp.MustCompile(`^[A-Z]{2}$`)
	seen := map[string]string{}
	for i, r := range fips {
		if i > 0 && r.iso3 <= fips[i-1].iso3 {
			t.Errorf("row %d %s: not after %s", i, r.iso3, fips[i-1].iso3)
		}
		if !iso.MatchString(r.iso3) || !two.MatchString(r.fips) {
			t.Errorf("row %d: %q %q malformed", i, r.iso3, r.fips)
		}
		if other, ok := seen[r.fips]; ok && !aliases[[2]string{other, r.iso3}] {
			t.Errorf("FIPS %s given to both %s and %s", r.fips, other, r.iso3)
		}
		seen[r.fips] = r.iso3
		if !placeCountry[r.iso3] && !actorCountry[r.iso3] {
			t.Errorf("%s: a country neither of the gazetteer nor of the lexicon", r.iso3)
		}
	}
}

// gazetteerCountries reads the country codes of the gazetteer's place
// table (rows of kind C, code in the sixth field) straight from its file:
// gazetteer.Default would keep the whole index alive for the rest of the
// package's tests, and TestLargeExportMemory's heap figures with it.
func gazetteerCountries(t *testing.T) map[string]bool {
	t.Helper()
	f, err := os.Open("../gazetteer/data/places.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if f := strings.Split(sc.Text(), "\t"); f[0] == "C" && len(f) > 5 {
			out[f[5]] = true
		}
	}
	if err := sc.Err(); err != nil || len(out) < 200 {
		t.Fatalf("places.tsv.gz: %d countries, %v", len(out), err)
	}
	return out
}

func TestFIPSOf(t *testing.T) {
	for _, tc := range []struct{ iso, want string }{
		{"ABW", "AA"}, {"ZWE", "ZI"}, // the ends of the table
		{"DEU", "GM"}, {"GBR", "UK"}, {"IRQ", "IZ"}, {"AUT", "AU"}, {"AUS", "AS"},
		{"XKX", "KV"}, {"SSD", "OD"}, {"MNE", "MJ"}, {"SRB", "RI"}, {"CUW", "UC"},
		{"UNK", "KV"}, {"PSE", ""}, {"", ""}, {"ZZZ", ""}, {"deu", ""},
	} {
		if got := fipsOf(tc.iso); got != tc.want {
			t.Errorf("fipsOf(%q) = %q, want %q", tc.iso, got, tc.want)
		}
	}
}
