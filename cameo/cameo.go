package cameo

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// QuadClass values. They are fixed by the root code, so they live in the
// data file only to keep each line self-describing for reviewers.
const (
	VerbalCooperation   = 1
	MaterialCooperation = 2
	VerbalConflict      = 3
	MaterialConflict    = 4
)

// NoPlover is the token codes.txt uses for codes that have no PLOVER
// counterpart. A dash rather than an empty field keeps the column visible
// and lets the lint test insist that no field is ever left blank by accident.
const NoPlover = "-"

// Code describes one CAMEO event code.
type Code struct {
	Code string // "04", "043", "0874"
	Name string // short English label
	Root string // two-digit root, equal to Code for roots
	// Plover is the PLOVER event category, or "" when PLOVER has no
	// counterpart (CAMEO 01 public statements).
	Plover    string
	QuadClass int     // 1..4, see the QuadClass constants
	Goldstein float64 // Goldstein scale weight in [-10, 10]
}

// Entry is a parsed code line together with its position, so that checks
// run after parsing can still point reviewers at file:line.
type Entry struct {
	Code Code
	Pos  string // "name:line"
}

// RoleEntry is one parsed line of roles.txt.
type RoleEntry struct {
	Code        string // three upper-case letters, e.g. "GOV"
	Kind        string // "role" or "religion"
	Description string
	Pos         string // "name:line"
}

//go:embed codes.txt
var codesFile string

//go:embed roles.txt
var rolesFile string

var (
	codes   []Code         // every code, sorted by code
	byCode  map[string]int // code -> index into codes
	roots   []Code         // the two-digit codes, sorted
	roleMap map[string]string
)

func init() {
	entries, err := Parse(strings.NewReader(codesFile), "codes.txt")
	if err != nil {
		// The embedded file is part of the source tree and TestEmbeddedData
		// keeps it valid, so reaching this is a build defect, not bad input.
		panic("cameo: " + err.Error())
	}
	roles, err := ParseRoles(strings.NewReader(rolesFile), "roles.txt")
	if err != nil {
		panic("cameo: " + err.Error())
	}

	codes = make([]Code, len(entries))
	for i, e := range entries {
		codes[i] = e.Code
	}
	// Sorting here means lookups never depend on the file staying sorted;
	// the lint test enforces sorting for the benefit of human readers.
	sort.SliceStable(codes, func(i, j int) bool { return codes[i].Code < codes[j].Code })
	byCode = make(map[string]int, len(codes))
	for i, c := range codes {
		byCode[c.Code] = i
		if len(c.Code) == 2 {
			roots = append(roots, c)
		}
	}

	roleMap = make(map[string]string, len(roles))
	for _, r := range roles {
		roleMap[r.Code] = r.Description
	}
}

// Lookup returns the CAMEO code exactly matching code ("043", not "43").
func Lookup(code string) (Code, bool) {
	i, ok := byCode[code]
	if !ok {
		return Code{}, false
	}
	return codes[i], true
}

// Root returns the two-digit root of a well-formed code (two to four ASCII
// digits) whose root is a known CAMEO root, or "" otherwise. The code
// itself need not be in the table, so codes from CAMEO dialects with extra
// leaf codes can still be bucketed by root.
func Root(code string) string {
	if !isCodeSyntax(code) {
		return ""
	}
	if _, ok := byCode[code[:2]]; !ok {
		return ""
	}
	return code[:2]
}

// Roots returns the 20 root codes in order. The slice is a copy.
func Roots() []Code {
	return append([]Code(nil), roots...)
}

// Codes returns every code (roots, three- and four-digit) sorted by code.
// The slice is a copy.
func Codes() []Code {
	return append([]Code(nil), codes...)
}

// Plover returns the PLOVER category of code. It is looked up per code
// rather than derived from the root because several codes collapse into a
// different category than their root does (for example 163 sanctions are
// COERCE under root 16 SANCTION, and 084-087 are RETREAT under root 08
// CONCEDE). ok is false for unknown codes and for codes that have no PLOVER
// counterpart.
func Plover(code string) (category string, ok bool) {
	c, found := Lookup(code)
	if !found || c.Plover == "" {
		return "", false
	}
	return c.Plover, true
}

// Role returns the description of a CAMEO actor role or religion code
// such as "GOV" or "MOS".
func Role(code string) (string, bool) {
	d, ok := roleMap[code]
	return d, ok
}

// Parse reads a code file in the codes.txt format (see the package
// documentation). It checks the syntax of each line; facts that span lines
// or need outside knowledge (ordering, parents, quad classes by root,
// known PLOVER categories) are left to the package's lint test so that
// Parse stays usable on drafts. Errors are prefixed with name:line.
func Parse(r io.Reader, name string) ([]Entry, error) {
	var out []Entry
	err := scanLines(r, name, func(pos, line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return fmt.Errorf("%s: want 5 tab-separated fields (code, quad, goldstein, plover, name), got %d", pos, len(f))
		}
		code, quadS, gsS, plover, label := f[0], f[1], f[2], f[3], strings.TrimSpace(f[4])
		if !isCodeSyntax(code) {
			return fmt.Errorf("%s: code %q is not 2-4 ASCII digits", pos, code)
		}
		quad, err := strconv.Atoi(quadS)
		if err != nil || quad < VerbalCooperation || quad > MaterialConflict {
			return fmt.Errorf("%s: code %s: quad class %q is not 1-4", pos, code, quadS)
		}
		gs, err := strconv.ParseFloat(gsS, 64)
		if err != nil || math.IsNaN(gs) || math.IsInf(gs, 0) {
			return fmt.Errorf("%s: code %s: Goldstein value %q is not a finite number", pos, code, gsS)
		}
		if plover != NoPlover && !isUpperWord(plover) {
			return fmt.Errorf("%s: code %s: PLOVER category %q is neither %q nor an upper-case word", pos, code, plover, NoPlover)
		}
		if plover == NoPlover {
			plover = ""
		}
		if label == "" {
			return fmt.Errorf("%s: code %s: empty name", pos, code)
		}
		out = append(out, Entry{
			Code: Code{
				Code:      code,
				Name:      label,
				Root:      code[:2],
				Plover:    plover,
				QuadClass: quad,
				Goldstein: gs,
			},
			Pos: pos,
		})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ParseRoles reads a file in the roles.txt format (see the package
// documentation). Like Parse it checks syntax only; errors are prefixed
// with name:line.
func ParseRoles(r io.Reader, name string) ([]RoleEntry, error) {
	var out []RoleEntry
	err := scanLines(r, name, func(pos, line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return fmt.Errorf("%s: want 3 tab-separated fields (code, kind, description), got %d", pos, len(f))
		}
		code, kind, desc := f[0], f[1], strings.TrimSpace(f[2])
		if len(code) != 3 || !isUpperWord(code) {
			return fmt.Errorf("%s: role code %q is not three upper-case letters", pos, code)
		}
		if kind != "role" && kind != "religion" {
			return fmt.Errorf("%s: role %s: kind %q is neither \"role\" nor \"religion\"", pos, code, kind)
		}
		if desc == "" {
			return fmt.Errorf("%s: role %s: empty description", pos, code)
		}
		out = append(out, RoleEntry{Code: code, Kind: kind, Description: desc, Pos: pos})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// scanLines calls fn for every non-blank, non-comment line, passing its
// "name:line" position. Trailing carriage returns are dropped so files
// edited on Windows still parse.
func scanLines(r io.Reader, name string, fn func(pos, line string) error) error {
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(fmt.Sprintf("%s:%d", name, n), line); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("%s:%d: line too long", name, n+1)
		}
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func isCodeSyntax(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isUpperWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
