package cameo

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/khaldun/khaldun/internal/sharedtest"
)

// ploverCategories is the closed set of PLOVER event categories (2021
// conversion table, PLOVER manual 2.0, POLECAT). Restated here rather than
// derived from codes.txt so a typo in the data cannot define a category.
var ploverCategories = map[string]bool{
	"AGREE": true, "CONSULT": true, "SUPPORT": true, "CONCEDE": true,
	"COOPERATE": true, "AID": true, "RETREAT": true, "REQUEST": true,
	"ACCUSE": true, "REJECT": true, "THREATEN": true, "PROTEST": true,
	"SANCTION": true, "MOBILIZE": true, "COERCE": true, "ASSAULT": true,
}

// quadForRoot restates the standard root → QuadClass mapping independently
// of the data file.
func quadForRoot(root string) int {
	switch {
	case root >= "01" && root <= "05":
		return VerbalCooperation
	case root >= "06" && root <= "08":
		return MaterialCooperation
	case root >= "09" && root <= "13":
		return VerbalConflict
	case root >= "14" && root <= "20":
		return MaterialConflict
	}
	return 0
}

func parseEmbedded(t *testing.T) []Entry {
	t.Helper()
	entries, err := Parse(strings.NewReader(codesFile), "codes.txt")
	if err != nil {
		t.Fatalf("embedded codes.txt does not parse: %v", err)
	}
	return entries
}

func TestEmbeddedData(t *testing.T) {
	if _, err := Parse(strings.NewReader(codesFile), "codes.txt"); err != nil {
		t.Errorf("codes.txt: %v", err)
	}
	if _, err := ParseRoles(strings.NewReader(rolesFile), "roles.txt"); err != nil {
		t.Errorf("roles.txt: %v", err)
	}
}

func TestLintCodes(t *testing.T) {
	entries := parseEmbedded(t)
	seen := map[string]bool{}
	prev := ""
	for _, e := range entries {
		c := e.Code
		if seen[c.Code] {
			t.Errorf("%s: duplicate code %s", e.Pos, c.Code)
		} else if c.Code < prev {
			t.Errorf("%s: code %s sorts before preceding code %s", e.Pos, c.Code, prev)
		}
		seen[c.Code] = true
		prev = c.Code

		want := quadForRoot(c.Root)
		if want == 0 {
			t.Errorf("%s: code %s: root %s is not 01-20", e.Pos, c.Code, c.Root)
		} else if c.QuadClass != want {
			t.Errorf("%s: code %s: quad class %d, root %s implies %d", e.Pos, c.Code, c.QuadClass, c.Root, want)
		}
		if c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("%s: code %s: Goldstein %v outside [-10, 10]", e.Pos, c.Code, c.Goldstein)
		}
		switch {
		case c.Plover == "" && c.Root != "01":
			// Only public statements lack a PLOVER counterpart; anything
			// else marked "-" is a gap in the data, not a fact.
			t.Errorf("%s: code %s: no PLOVER category", e.Pos, c.Code)
		case c.Plover != "" && !ploverCategories[c.Plover]:
			t.Errorf("%s: code %s: unknown PLOVER category %q", e.Pos, c.Code, c.Plover)
		}
	}
	// Parents are checked against the complete set, so they need a second
	// pass; sorting alone would not catch a missing parent.
	for _, e := range entries {
		c := e.Code
		if len(c.Code) == 4 && !seen[c.Code[:3]] {
			t.Errorf("%s: code %s: three-digit parent %s missing", e.Pos, c.Code, c.Code[:3])
		}
		if len(c.Code) == 3 && !seen[c.Root] {
			t.Errorf("%s: code %s: root %s missing", e.Pos, c.Code, c.Root)
		}
	}
	for r := 1; r <= 20; r++ {
		root := string(rune('0'+r/10)) + string(rune('0'+r%10))
		if !seen[root] {
			t.Errorf("codes.txt: root %s missing", root)
		}
		if !seen[root+"0"] {
			t.Errorf("codes.txt: catch-all code %s0 missing", root)
		}
	}
}

func TestLintRoles(t *testing.T) {
	roles, err := ParseRoles(strings.NewReader(rolesFile), "roles.txt")
	if err != nil {
		t.Fatalf("embedded roles.txt does not parse: %v", err)
	}
	prev := ""
	for _, r := range roles {
		if r.Code == prev {
			t.Errorf("%s: duplicate role %s", r.Pos, r.Code)
		} else if r.Code < prev {
			t.Errorf("%s: role %s sorts before preceding role %s", r.Pos, r.Code, prev)
		}
		prev = r.Code
	}
	for _, code := range []string{
		"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "BUS", "MED",
		"EDU", "CVL", "REF", "LAB", "HLH", "IGO", "NGO", "IMG", "INS", "SPY",
		"UAF", "AGR", "CRM", "DEV", "ELI", "ENV", "MNC", "MOD", "RAD", "REL",
		"SET", "UIS", "NGM", "CHR", "MOS", "JEW", "BUD", "HIN",
	} {
		if _, ok := Role(code); !ok {
			t.Errorf("roles.txt: expected role %s missing", code)
		}
	}
}

func TestCounts(t *testing.T) {
	levels := map[int]int{}
	for _, c := range Codes() {
		levels[len(c.Code)]++
	}
	// CAMEO 1.1b3 has 20 roots, 147 three-digit and 148 four-digit codes.
	// Pinning the counts makes accidental deletions show up in review.
	want := map[int]int{2: 20, 3: 147, 4: 148}
	for n, w := range want {
		if levels[n] != w {
			t.Errorf("%d-digit codes: got %d, want %d", n, levels[n], w)
		}
	}
	if got := len(Roots()); got != 20 {
		t.Errorf("Roots(): got %d, want 20", got)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		code      string
		nameHas   string
		quad      int
		goldstein float64
		plover    string
	}{
		{"01", "statement", 1, 0.0, ""},
		{"010", "statement", 1, 0.0, ""},
		{"036", "meet or negotiate", 1, 4.0, "AGREE"},
		{"042", "Make a visit", 1, 1.9, "CONSULT"},
		{"043", "Host a visit", 1, 2.8, "CONSULT"},
		{"051", "Praise", 1, 3.4, "SUPPORT"},
		{"0874", "surrender", 2, 10.0, "RETREAT"},
		{"111", "Criticize", 3, -2.0, "ACCUSE"},
		{"163", "embargo", 4, -8.0, "COERCE"},
		{"190", "conventional military force", 4, -10.0, "ASSAULT"},
		{"193", "small arms", 4, -10.0, "ASSAULT"},
		{"1952", "remotely piloted", 4, -10.0, "ASSAULT"},
		{"2042", "nuclear", 4, -10.0, "ASSAULT"},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.code)
		if !ok {
			t.Errorf("Lookup(%q): not found", tt.code)
			continue
		}
		if c.Code != tt.code || !strings.Contains(c.Name, tt.nameHas) || c.QuadClass != tt.quad ||
			c.Goldstein != tt.goldstein || c.Plover != tt.plover || c.Root != tt.code[:2] {
			t.Errorf("Lookup(%q) = %+v; want name containing %q, quad %d, goldstein %v, plover %q",
				tt.code, c, tt.nameHas, tt.quad, tt.goldstein, tt.plover)
		}
	}
	for _, code := range []string{"", "0", "43", "999", "0435", "21", "12345", "abc", " 043"} {
		if c, ok := Lookup(code); ok {
			t.Errorf("Lookup(%q) = %+v, want not found", code, c)
		}
	}
}

func TestRoot(t *testing.T) {
	tests := map[string]string{
		"19": "19", "190": "19", "0874": "08", "2042": "20",
		// Well-formed but not in the table: still has a root.
		"0199": "01",
		// Malformed, or no such root.
		"": "", "1": "", "00": "", "21": "", "99": "", "12345": "", "1a": "", "ab": "",
	}
	for in, want := range tests {
		if got := Root(in); got != want {
			t.Errorf("Root(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlover(t *testing.T) {
	tests := []struct {
		code, want string
		ok         bool
	}{
		{"04", "CONSULT", true},
		{"14", "PROTEST", true},
		{"17", "COERCE", true},
		{"18", "ASSAULT", true},
		{"19", "ASSAULT", true},
		{"02", "REQUEST", true},
		// Codes whose category differs from their root's.
		{"08", "CONCEDE", true},
		{"0813", "RETREAT", true},
		{"084", "RETREAT", true},
		{"16", "SANCTION", true},
		{"163", "COERCE", true},
		{"1712", "ASSAULT", true},
		{"175", "ASSAULT", true},
		{"191", "COERCE", true},
		{"192", "COERCE", true},
		// No counterpart, or unknown.
		{"01", "", false},
		{"013", "", false},
		{"999", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := Plover(tt.code)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Plover(%q) = %q, %v; want %q, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRole(t *testing.T) {
	if d, ok := Role("GOV"); !ok || !strings.Contains(d, "Government") {
		t.Errorf("Role(GOV) = %q, %v", d, ok)
	}
	if d, ok := Role("MOS"); !ok || !strings.Contains(d, "Islam") {
		t.Errorf("Role(MOS) = %q, %v", d, ok)
	}
	for _, code := range []string{"", "gov", "XYZ", "GOVT"} {
		if d, ok := Role(code); ok {
			t.Errorf("Role(%q) = %q, want not found", code, d)
		}
	}
}

func TestRootsAreCopies(t *testing.T) {
	r := Roots()
	r[0].Name = "mutated"
	if Roots()[0].Name == "mutated" {
		t.Error("Roots() exposes internal state")
	}
	c := Codes()
	c[0].Name = "mutated"
	if Codes()[0].Name == "mutated" {
		t.Error("Codes() exposes internal state")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, wantErr string }{
		{"010\t1\t0.0\t-\n", "x.txt:1: want 5"},
		{"# c\n\n0x0\t1\t0.0\t-\tName\n", "x.txt:3: code \"0x0\""},
		{"01234\t1\t0.0\t-\tName\n", "x.txt:1: code \"01234\""},
		{"010\t5\t0.0\t-\tName\n", "x.txt:1: code 010: quad"},
		{"010\t1\tabc\t-\tName\n", "x.txt:1: code 010: Goldstein"},
		{"010\t1\tNaN\t-\tName\n", "x.txt:1: code 010: Goldstein"},
		{"010\t1\t0.0\t\tName\n", "x.txt:1: code 010: PLOVER"},
		{"010\t1\t0.0\tAgree\tName\n", "x.txt:1: code 010: PLOVER"},
		{"010\t1\t0.0\t-\t \n", "x.txt:1: code 010: empty name"},
		{strings.Repeat("x", 70000) + "\n", "x.txt:1: line too long"},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(tt.in), "x.txt")
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("Parse(%.40q) error = %v, want containing %q", tt.in, err, tt.wantErr)
		}
	}

	got, err := Parse(strings.NewReader("# header\r\n043\t1\t2.8\tCONSULT\tHost a visit\r\n"), "x.txt")
	if err != nil || len(got) != 1 || got[0].Code.Name != "Host a visit" || got[0].Pos != "x.txt:2" {
		t.Errorf("Parse(CRLF) = %+v, %v", got, err)
	}

	roleTests := []struct{ in, wantErr string }{
		{"GOV\trole\n", "r.txt:1: want 3"},
		{"GO\trole\tGovernment\n", "r.txt:1: role code \"GO\""},
		{"gov\trole\tGovernment\n", "r.txt:1: role code \"gov\""},
		{"GOV\tsector\tGovernment\n", "r.txt:1: role GOV: kind"},
		{"GOV\trole\t\n", "r.txt:1: role GOV: empty description"},
	}
	for _, tt := range roleTests {
		_, err := ParseRoles(strings.NewReader(tt.in), "r.txt")
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("ParseRoles(%q) error = %v, want containing %q", tt.in, err, tt.wantErr)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(codesFile)
	f.Add(rolesFile)
	f.Add("010\t1\t0.0\t-\tx\n\t\t\t\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		// Only the absence of panics is asserted: any input is either
		// accepted or rejected with an error.
		_, _ = Parse(strings.NewReader(s), "fuzz")
		_, _ = ParseRoles(strings.NewReader(s), "fuzz")
	})
}

// Matches the code in the reference codefile's label lines and root
// headers. Tokens with letters (e.g. "0811i") are variant annotations in
// that file, not codes, and do not match.
var (
	codefileLabel = regexp.MustCompile(`^LABEL[iI]?:\s*(\d+)=`)
	codefileRoot  = regexp.MustCompile(`^//(\d\d)[:=]`)
)

func TestSharedCodefileCovered(t *testing.T) {
	path := sharedtest.Path(t, "data/events/cameo_codes/CAMEO_codefile.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("reference codefile not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, checked := 0, 0
	for sc.Scan() {
		n++
		line := sc.Text()
		m := codefileLabel.FindStringSubmatch(line)
		if m == nil {
			m = codefileRoot.FindStringSubmatch(line)
		}
		if m == nil {
			continue
		}
		checked++
		if _, ok := Lookup(m[1]); !ok {
			t.Errorf("%s:%d: code %s missing from codes.txt", path, n, m[1])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if checked == 0 {
		t.Fatalf("%s: no codes recognised; has its format changed?", path)
	}
}

var ploverTableLine = regexp.MustCompile(`^(\d{3,4}):\s*([A-Z]+)\s*,`)

func TestSharedPloverAgreement(t *testing.T) {
	path := sharedtest.Path(t, "data/events/plover/CAMEO2PLOVER-2021.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("reference PLOVER table not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, checked := 0, 0
	for sc.Scan() {
		n++
		m := ploverTableLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		checked++
		if got, _ := Plover(m[1]); got != m[2] {
			t.Errorf("%s:%d: code %s: codes.txt says %q, table says %q", path, n, m[1], got, m[2])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if checked == 0 {
		t.Fatalf("%s: no mappings recognised; has its format changed?", path)
	}
}
