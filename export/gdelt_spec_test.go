package export

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// gdeltEventSpec is what GDELT 2.0's event codebook says each column
// holds, as this test reads it, by 1-based position: its name, whether a
// reader types it as an integer, a decimal or text, and the shape of a
// value. An empty field is always allowed for text and decimals and for
// the integer date parts, which GDELT leaves blank only in headers; the
// rest must be present. Positions 16-25 and 36-51 repeat 6-15 and 52-59.
var gdeltEventSpec = func() map[int]fieldSpec {
	s := map[int]fieldSpec{
		1: {"GlobalEventID", "int", `^[1-9][0-9]*$`, false},
		2: {"Day", "int", `^[0-9]{8}$`, true},
		3: {"MonthYear", "int", `^[0-9]{6}$`, true},
		4: {"Year", "int", `^[0-9]{4}$`, true},
		5: {"FractionDate", "float", `^[0-9]{4}\.[0-9]{1,4}$|^[0-9]{4}$`, true},

		26: {"IsRootEvent", "int", `^[01]$`, false},
		27: {"EventCode", "text", `^[0-9]{3,4}$`, false}, // text: the leading 0 of 010 matters
		28: {"EventBaseCode", "text", `^[0-9]{3}$`, false},
		29: {"EventRootCode", "text", `^[0-9]{2}$`, false},
		30: {"QuadClass", "int", `^[1-4]$`, false},
		31: {"GoldsteinScale", "float", `^-?[0-9]+\.[0-9]+$`, false},
		32: {"NumMentions", "int", `^[1-9][0-9]*$`, false},
		33: {"NumSources", "int", `^[1-9][0-9]*$`, false},
		34: {"NumArticles", "int", `^[1-9][0-9]*$`, false},
		35: {"AvgTone", "float", `^-?[0-9]+(\.[0-9]+)?$`, true},

		60: {"DATEADDED", "int", `^[0-9]{14}$`, false},
		// GDELT puts a citation where a source has no URL; khaldun leaves
		// the field empty (ExportEvent carries the URL, not the article).
		61: {"SOURCEURL", "text", `^https?://\S+$`, true},
	}
	for i, a := range []string{"Actor1", "Actor2"} {
		at := 6 + 10*i
		s[at] = fieldSpec{a + "Code", "text", `^[A-Z0-9]{3,}$`, true}
		s[at+1] = fieldSpec{a + "Name", "text", `^[^a-z\t\n]+$`, true} // upper case, as GDELT's
		s[at+2] = fieldSpec{a + "CountryCode", "text", `^[A-Z]{3}$`, true}
		for j, f := range []string{"KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code"} {
			s[at+3+j] = fieldSpec{a + f, "text", `^[A-Z0-9]{3}$`, true}
		}
		for j := range 3 {
			s[at+7+j] = fieldSpec{a + "Type" + strconv.Itoa(j+1) + "Code", "text", `^[A-Z]{3}$`, true}
		}
	}
	for i, g := range []string{"Actor1Geo_", "Actor2Geo_", "ActionGeo_"} {
		at := 36 + 8*i
		s[at] = fieldSpec{g + "Type", "int", `^[0-5]$`, false}
		s[at+1] = fieldSpec{g + "FullName", "text", `^[^\t\n]+$`, true}
		s[at+2] = fieldSpec{g + "CountryCode", "text", `^[A-Z]{2}$`, true}           // FIPS 10-4
		s[at+3] = fieldSpec{g + "ADM1Code", "text", `^[A-Z]{2}[A-Z0-9]{0,3}$`, true} // FIPS country + region
		s[at+4] = fieldSpec{g + "ADM2Code", "text", `^[A-Z0-9]+$`, true}
		s[at+5] = fieldSpec{g + "Lat", "float", `^-?[0-9]{1,2}(\.[0-9]+)?$`, true}
		s[at+6] = fieldSpec{g + "Long", "float", `^-?[0-9]{1,3}(\.[0-9]+)?$`, true}
		s[at+7] = fieldSpec{g + "FeatureID", "text", `^-?[A-Z0-9]+$`, true} // numeric ids, or a country's FIPS code
	}
	return s
}()

type fieldSpec struct {
	name, typ, shape string
	empty            bool
}

// TestGDELTEventsAsDocumented checks every field of every exported row
// against gdeltEventSpec: position, name, type and shape, and that the
// export's own column types agree with the documented ones.
func TestGDELTEventsAsDocumented(t *testing.T) {
	if len(gdeltEventSpec) != 61 || len(gdeltEventColumns) != 61 {
		t.Fatalf("spec has %d columns, export %d; GDELT 2.0 has 61", len(gdeltEventSpec), len(gdeltEventColumns))
	}
	kind := map[string]Kind{"int": Int, "float": Float, "text": String}
	for pos, f := range gdeltEventSpec {
		c := gdeltEventColumns[pos-1]
		if c.Name != f.name || c.Kind != kind[f.typ] {
			t.Errorf("column %d: export has %s (kind %d), documented %s (%s)", pos, c.Name, c.Kind, f.name, f.typ)
		}
	}
	s := fill(t)
	out, n := export(t, s, Options{Format: "gdelt"})
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if int64(len(lines)) != n || n == 0 {
		t.Fatalf("%d lines, %d rows", len(lines), n)
	}
	for i, line := range lines {
		fields := strings.Split(line, "\t")
		if len(fields) != 61 {
			t.Fatalf("line %d: %d fields", i+1, len(fields))
		}
		for pos := 1; pos <= 61; pos++ {
			f, v := gdeltEventSpec[pos], fields[pos-1]
			if v == "" {
				if !f.empty {
					t.Errorf("line %d, %d %s: empty", i+1, pos, f.name)
				}
				continue
			}
			if !regexp.MustCompile(f.shape).MatchString(v) {
				t.Errorf("line %d, %d %s: %q does not match %s", i+1, pos, f.name, v, f.shape)
			}
			switch f.typ {
			case "int":
				if _, err := strconv.ParseInt(v, 10, 64); err != nil {
					t.Errorf("line %d, %d %s: %q is not an integer", i+1, pos, f.name, v)
				}
			case "float":
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					t.Errorf("line %d, %d %s: %q is not a number", i+1, pos, f.name, v)
				}
			}
		}
		// Values bound to each other: the date parts, and the codes.
		if d := fields[1]; d != "" && (fields[2] != d[:6] || fields[3] != d[:4]) {
			t.Errorf("line %d: Day %s, MonthYear %s, Year %s", i+1, d, fields[2], fields[3])
		}
		if code := fields[26]; !strings.HasPrefix(code, fields[27]) || !strings.HasPrefix(code, fields[28]) {
			t.Errorf("line %d: EventCode %s, base %s, root %s", i+1, code, fields[27], fields[28])
		}
		if g, _ := strconv.ParseFloat(fields[30], 64); g < -10 || g > 10 {
			t.Errorf("line %d: Goldstein %v outside -10..10", i+1, g)
		}
	}
}
