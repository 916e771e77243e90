package lexicon

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/khaldun/khaldun/cameo"
)

func checkCountry(f []string) error {
	if !isUpper3(f[1]) {
		return fmt.Errorf("country code %q: want three capital letters", f[1])
	}
	switch f[2] {
	case "name", "adj", "people", "capital", "seat":
		return nil
	}
	return fmt.Errorf("kind %q: want name, adj, people, capital or seat", f[2])
}

func checkAgent(f []string) error {
	if _, ok := cameo.Role(f[1]); !ok {
		return fmt.Errorf("role %q: not a CAMEO role code", f[1])
	}
	return nil
}

func checkOrg(f []string) error {
	if err := checkActorCode(f[1]); err != nil {
		return err
	}
	switch f[2] {
	case "igo", "ngo", "media", "armed", "party", "company", "other":
	default:
		return fmt.Errorf("kind %q: want igo, ngo, media, armed, party, company or other", f[2])
	}
	return checkDates(field(f, 3), field(f, 4))
}

func checkPerson(f []string) error {
	if err := checkActorCode(f[1]); err != nil {
		return err
	}
	return checkDates(field(f, 2), field(f, 3))
}

// checkDates validates the optional from/to range of a dated code (people's
// offices, an organisation's changes of role).
func checkDates(from, to string) error {
	for _, d := range []string{from, to} {
		if d == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			return fmt.Errorf("date %q: want YYYY-MM-DD", d)
		}
	}
	if from != "" && to != "" && from > to {
		return fmt.Errorf("from %s after to %s", from, to)
	}
	return nil
}

func checkVerb(f []string) error {
	if _, ok := cameo.Lookup(f[0]); !ok && f[0] != nullEvent {
		return fmt.Errorf("event code %q: not a CAMEO code (or %s)", f[0], nullEvent)
	}
	w := strings.Fields(f[2])
	switch f[1] {
	case "verb":
		if len(w) == 0 || strings.ContainsAny(w[0], "+$.") {
			return fmt.Errorf("verb pattern %q: must start with the verb", f[2])
		}
	case "noun":
		if len(w) == 0 {
			return fmt.Errorf("empty noun pattern")
		}
	default:
		return fmt.Errorf("kind %q: want verb or noun", f[1])
	}
	return nil
}

// nullEvent is the code of a pattern that matches and codes nothing.
const nullEvent = "---"

func checkDiscard(f []string) error {
	if f[1] != "sentence" && f[1] != "actor" {
		return fmt.Errorf("scope %q: want sentence or actor", f[1])
	}
	return nil
}

// checkActorCode accepts a country or transnational prefix followed by
// three-letter role codes.
func checkActorCode(code string) error {
	if len(code) < 3 || len(code)%3 != 0 || strings.ToUpper(code) != code {
		return fmt.Errorf("actor code %q: want 3-letter blocks in capitals", code)
	}
	return nil
}

func isUpper3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func version() string {
	h := sha256.New()
	names, _ := Files()
	for _, n := range names {
		b, _ := files.ReadFile(n)
		fmt.Fprintf(h, "%s %d\n", n, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
