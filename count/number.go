package count

import (
	"strconv"
	"strings"
)

// number is a number phrase found at a token: its value, normalised
// qualifier, and token range [start, end) including the qualifier.
type number struct {
	start, end int
	value      int64
	qual       string
	indef      bool // "a"/"an"/"another": valid only before a person noun
	vagueOf    bool // "dozens", "scores": needs "of" after it
}

// qualifiers in longest-first order within each first word.
var qualifiers = []struct {
	words []string
	norm  string
}{
	{[]string{"more", "than"}, "over"}, {[]string{"upwards", "of"}, "over"}, {[]string{"in", "excess", "of"}, "over"},
	{[]string{"well", "over"}, "over"}, {[]string{"over"}, "over"},
	{[]string{"at", "least"}, "at least"}, {[]string{"no", "fewer", "than"}, "at least"},
	{[]string{"no", "less", "than"}, "at least"}, {[]string{"not", "less", "than"}, "at least"},
	{[]string{"a", "minimum", "of"}, "at least"},
	{[]string{"about"}, "about"}, {[]string{"around"}, "about"}, {[]string{"some"}, "about"},
	{[]string{"approximately"}, "about"}, {[]string{"roughly"}, "about"}, {[]string{"approx"}, "about"},
	{[]string{"nearly"}, "nearly"}, {[]string{"almost"}, "nearly"}, {[]string{"close", "to"}, "nearly"},
	{[]string{"up", "to"}, "up to"}, {[]string{"as", "many", "as"}, "up to"}, {[]string{"at", "most"}, "up to"},
	{[]string{"fewer", "than"}, "under"}, {[]string{"less", "than"}, "under"},
	{[]string{"an", "estimated"}, "estimated"}, {[]string{"estimated"}, "estimated"},
}

var small = map[string]int64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

var scales = map[string]int64{
	"hundred": 100, "thousand": 1000, "lakh": 100000, "lac": 100000, "million": 1000000, "m": 1000000,
	"mn": 1000000, "crore": 10000000, "billion": 1000000000, "bn": 1000000000, "dozen": 12,
}

// vague plurals and their conventional values (see the package comment).
var vague = map[string]int64{
	"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "lakhs": 200000, "millions": 2000000,
}

// parseNumber reads a number phrase starting at token i of w (lower-case
// token texts).
func parseNumber(w []string, i int) (number, bool) {
	n := number{start: i}
	j := i
	for _, q := range qualifiers {
		if hasWords(w, j, q.words) {
			n.qual = q.norm
			j += len(q.words)
			break
		}
	}
	if j >= len(w) {
		return n, false
	}
	v, k, ok := numeral(w, j)
	if !ok {
		return n, false
	}
	n.value, n.end = v.value, k
	if v.qual != "" && n.qual == "" {
		n.qual = v.qual
	}
	n.indef, n.vagueOf = v.indef, v.vagueOf
	// "50 or more" reads as "at least 50".
	if hasWords(w, n.end, []string{"or", "more"}) {
		n.end += 2
		n.qual = "at least"
	}
	return n, true
}

type numeralValue struct {
	value   int64
	qual    string
	indef   bool
	vagueOf bool
}

// numeral reads the number itself at j and returns it with the index
// after it.
func numeral(w []string, j int) (numeralValue, int, bool) {
	t := w[j]
	switch {
	case t == "a" || t == "an" || t == "another":
		if j+1 < len(w) {
			if s, ok := scales[w[j+1]]; ok && w[j+1] != "m" && w[j+1] != "mn" && w[j+1] != "bn" {
				v, k := scaled(w, j+2, s)
				return numeralValue{value: v}, k, true
			}
		}
		if t == "another" || j+1 < len(w) {
			return numeralValue{value: 1, indef: true}, j + 1, true
		}
		return numeralValue{}, j, false
	case t == "half" && hasWords(w, j+1, []string{"a", "dozen"}):
		return numeralValue{value: 6}, j + 3, true
	case t == "tens" && hasWords(w, j+1, []string{"of", "thousands"}):
		return numeralValue{value: 20000, qual: "several"}, j + 3, true
	case t == "hundreds" && hasWords(w, j+1, []string{"of", "thousands"}):
		return numeralValue{value: 200000, qual: "several"}, j + 3, true
	}
	if v, ok := vague[t]; ok {
		return numeralValue{value: v, qual: "several", vagueOf: t == "dozens" || t == "scores"}, j + 1, true
	}
	if v, qual, ok := digits(t); ok {
		k := j + 1
		// "10 000": a space-separated group of exactly three digits.
		for k < len(w) && len(w[k]) == 3 && allDigits(w[k]) && !strings.Contains(t, ",") && v < 1000 && v > 0 {
			v = v*1000 + atoi(w[k])
			k++
		}
		if s, ok := scales[lookupScale(w, k)]; ok {
			return numeralValue{value: int64(v * float64(s)), qual: qual}, k + 1, true
		}
		if v != float64(int64(v)) {
			return numeralValue{}, j, false // a bare decimal is a measure, not people
		}
		return numeralValue{value: int64(v), qual: qual}, k, true
	}
	if v, k, ok := words(w, j); ok {
		return numeralValue{value: v}, k, true
	}
	return numeralValue{}, j, false
}

func lookupScale(w []string, k int) string {
	if k < len(w) {
		return w[k]
	}
	return ""
}

// scaled multiplies s by any further scale words ("a hundred thousand").
func scaled(w []string, k int, s int64) (int64, int) {
	for k < len(w) {
		m, ok := scales[w[k]]
		if !ok || m <= s || w[k] == "dozen" {
			break
		}
		s *= m
		k++
	}
	return s, k
}

// digits parses "34,500", "2.5", "50-odd" and "50-plus".
func digits(t string) (float64, string, bool) {
	qual := ""
	if base, ok := strings.CutSuffix(t, "-odd"); ok {
		t, qual = base, "about"
	} else if base, ok := strings.CutSuffix(t, "-plus"); ok {
		t, qual = base, "over"
	} else if base, ok := strings.CutSuffix(t, "+"); ok {
		t, qual = base, "over"
	}
	if t == "" || t[0] < '0' || t[0] > '9' {
		return 0, "", false
	}
	if strings.Contains(t, ",") {
		// Separators must group by three, or "12,3" is not a number.
		parts := strings.Split(t, ",")
		for i, p := range parts {
			if !allDigits(p) || (i > 0 && len(p) != 3) || len(p) == 0 || len(p) > 3 {
				return 0, "", false
			}
		}
		t = strings.Join(parts, "")
	}
	if len(t) > 12 {
		return 0, "", false
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || strings.ContainsAny(t, "eExXpP_") {
		return 0, "", false
	}
	return v, qual, true
}

// words parses number words: "three", "twenty-five", "twenty five",
// "two hundred", "three thousand five hundred".
func words(w []string, j int) (int64, int, bool) {
	var total, cur int64
	k := j
	seen := false
	for k < len(w) {
		t := w[k]
		if v, ok := wordValue(t); ok {
			cur += v
			seen = true
			k++
			continue
		}
		if s, ok := scales[t]; ok && seen && t != "m" && t != "mn" && t != "bn" {
			if s == 100 || s == 12 {
				cur *= s
			} else {
				total += cur * s
				cur = 0
			}
			k++
			continue
		}
		if t == "and" && seen && k+1 < len(w) {
			if _, ok := wordValue(w[k+1]); ok && (k == 0 || w[k-1] == "hundred") {
				k++
				continue
			}
		}
		break
	}
	return total + cur, k, seen
}

// wordValue reads "seven" and "twenty-five".
func wordValue(t string) (int64, bool) {
	if v, ok := small[t]; ok {
		return v, true
	}
	tens, unit, ok := strings.Cut(t, "-")
	if !ok {
		return 0, false
	}
	a, ok1 := small[tens]
	b, ok2 := small[unit]
	if ok1 && ok2 && a >= 20 && a%10 == 0 && b > 0 && b < 10 {
		return a + b, true
	}
	return 0, false
}

func hasWords(w []string, j int, ws []string) bool {
	if j < 0 || j+len(ws) > len(w) {
		return false
	}
	for i, x := range ws {
		if w[j+i] != x {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func atoi(s string) float64 {
	v, _ := strconv.Atoi(s)
	return float64(v)
}
