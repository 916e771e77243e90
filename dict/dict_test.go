package dict

import "testing"

func seq(words ...string) Seq { return Seq{Words: words} }

func TestCodeOn(t *testing.T) {
	a := &Actor{Codes: []DatedCode{
		{Code: "HOB"},
		{Code: "HOBCIV", To: "20080119"},
		{Code: "ORCHOB", From: "20100109", To: "20100112"},
		{Code: "HOBMIL", From: "20080120", To: "20121109"},
		{Code: "HOBELI", From: "20130120"},
	}}
	tests := []struct{ date, want string }{
		{"", "HOB"},
		{"2007-01-01", "HOBCIV"},
		{"20100110", "ORCHOB"},
		{"2011-06-01", "HOBMIL"},
		{"20121110", "HOB"},
		{"2014-01-01", "HOBELI"},
	}
	for _, tt := range tests {
		if got := a.CodeOn(tt.date); got != tt.want {
			t.Errorf("CodeOn(%q) = %q, want %q", tt.date, got, tt.want)
		}
	}
	noDefault := &Actor{Codes: []DatedCode{{Code: "A", To: "19950531"}, {Code: "B", From: "19950601"}}}
	if got := noDefault.CodeOn(""); got != "A" {
		t.Errorf("undated without default = %q, want first code", got)
	}
	if got := noDefault.CodeOn("19990101"); got != "B" {
		t.Errorf("got %q, want B", got)
	}
}

func TestMatchActorLongest(t *testing.T) {
	d := New()
	d.AddActor(&Actor{Phrases: [][]string{{"israel"}}, Codes: []DatedCode{{Code: "ISR"}}})
	d.AddActor(&Actor{Phrases: [][]string{{"israeli", "troops"}, {"idf"}}, Codes: []DatedCode{{Code: "ISRMIL"}}})
	d.AddActor(&Actor{Phrases: [][]string{{"israeli"}}, Codes: []DatedCode{{Code: "ISR"}}})
	tests := []struct {
		s     Seq
		i     int
		code  string
		n     int
		found bool
	}{
		{seq("israeli", "troops", "fired"), 0, "ISRMIL", 2, true},
		{seq("israeli", "police"), 0, "ISR", 1, true},
		{seq("the", "idf"), 1, "ISRMIL", 1, true},
		{seq("the", "idf"), 0, "", 0, false},
		{Seq{Words: []string{"israeli", "troop"}, Lemmas: []string{"israeli", "troops"}}, 0, "ISRMIL", 2, true},
	}
	for _, tt := range tests {
		as, n := d.MatchActor(tt.s, tt.i)
		if (len(as) > 0) != tt.found || n != tt.n {
			t.Errorf("%v@%d: got %d actors, n=%d", tt.s.Words, tt.i, len(as), n)
			continue
		}
		if tt.found && as[0].CodeOn("") != tt.code {
			t.Errorf("%v@%d: code %q, want %q", tt.s.Words, tt.i, as[0].CodeOn(""), tt.code)
		}
	}
	if st := d.Stats(); st.Actors != 3 || st.ActorPhrases != 4 {
		t.Errorf("stats = %+v", st)
	}
}

func TestAgentCombine(t *testing.T) {
	tests := []struct {
		g    Agent
		base string
		want string
	}{
		{Agent{Code: "MIL"}, "ISR", "ISRMIL"},
		{Agent{Code: "NGO", Prefix: true}, "USA", "NGOUSA"},
		{Agent{Code: "GOV"}, "", "GOV"},
	}
	for _, tt := range tests {
		if got := tt.g.Combine(tt.base); got != tt.want {
			t.Errorf("%+v.Combine(%q) = %q, want %q", tt.g, tt.base, got, tt.want)
		}
	}
}

func TestSynsetNested(t *testing.T) {
	d := New()
	d.AddSynset(&Synset{Name: "TIES", Members: [][]string{{"military"}, {"economic"}}})
	d.AddSynset(&Synset{Name: "ACC", Members: [][]string{{"closer"}}, Refs: []string{"TIES", "ACC", "CURR"}})
	d.AddSynset(&Synset{Name: "CURR", Members: [][]string{{"swiss", "francs"}, {"swiss"}}})
	tests := []struct {
		name string
		s    Seq
		want []int
	}{
		{"ACC", seq("economic"), []int{1}},
		{"ACC", seq("swiss", "francs"), []int{2, 1}},
		{"TIES", seq("closer"), nil},
		{"NOPE", seq("closer"), nil},
	}
	for _, tt := range tests {
		got := d.MatchSynset(tt.name, tt.s, 0)
		if len(got) != len(tt.want) {
			t.Errorf("%s %v = %v, want %v", tt.name, tt.s.Words, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s %v = %v, want %v", tt.name, tt.s.Words, got, tt.want)
			}
		}
	}
}

func TestVerbIndex(t *testing.T) {
	d := New()
	b := &VerbBlock{Name: "BREAK", Code: "1717", Forms: []*VerbForm{
		{Words: []string{"break"}},
		{Words: []string{"broke"}, Surface: true},
		{Words: []string{"break", "down"}, Code: "102"},
		{Words: []string{"wire", "tap"}, Head: 1},
	}}
	d.AddVerbBlock(b)
	if got := len(d.VerbForms("break")); got != 2 {
		t.Errorf("forms for break = %d, want 2", got)
	}
	if fs := d.VerbForms("tap"); len(fs) != 1 || fs[0].EffectiveCode() != "1717" {
		t.Errorf("tap forms = %v", fs)
	}
	if d.VerbForms("break")[1].EffectiveCode() != "102" {
		t.Error("form code should override block code")
	}
}

func TestPhrase(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"ISRAELI_TROOPS", "israeli|troops"},
		{"PRESIDENT HOSNI  MUBARAK", "president|hosni|mubarak"},
		{"AFGHANISTAN_", "afghanistan"},
		{"U.S.", "u.s."},
		{"", ""},
		{"PEOPLE'S_BANK", "people|'s|bank"},
		{"WORKERS'_UNION", "workers|'|union"},
		{"CHARGE_D'AFFAIRES", "charge|d'affaires"},
	}
	for _, tt := range tests {
		got := ""
		for i, w := range Phrase(tt.in) {
			if i > 0 {
				got += "|"
			}
			got += w
		}
		if got != tt.want {
			t.Errorf("Phrase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPatternSpecificity(t *testing.T) {
	p := &Pattern{Elems: []Elem{{Kind: VerbEl}, {Kind: Word, Text: "with"}, {Kind: TargetEl}}, Verb: 0}
	q := &Pattern{Elems: []Elem{{Kind: VerbEl}}, Verb: 0}
	if p.Specificity() <= q.Specificity() {
		t.Error("longer pattern should be more specific")
	}
	if len(p.Before()) != 0 || len(p.After()) != 2 {
		t.Error("before/after split wrong")
	}
}

func TestAgentCombineRoles(t *testing.T) {
	tests := []struct {
		base string
		g    Agent
		want string
	}{
		{"ISR", Agent{Code: "MIL"}, "ISRMIL"},
		{"USAGOV", Agent{Code: "GOV"}, "USAGOV"},
		{"HGWGOVMED", Agent{Code: "GOVMED"}, "HGWGOVMED"},
		{"GONGMO", Agent{Code: "OPP"}, "GONGMOOPP"},
		{"ARN", Agent{Code: "NGO", Prefix: true}, "NGOARN"},
		{"NGOARN", Agent{Code: "NGO", Prefix: true}, "NGOARN"},
		{"---", Agent{Code: "GOV"}, "---GOV"},
	}
	for _, tt := range tests {
		if got := tt.g.Combine(tt.base); got != tt.want {
			t.Errorf("%s + %+v = %s, want %s", tt.base, tt.g, got, tt.want)
		}
	}
}

func TestSurfaceAgent(t *testing.T) {
	d := New()
	d.AddAgent(&Agent{Phrase: []string{"police"}, Code: "COP", Surface: true})
	d.AddAgent(&Agent{Phrase: []string{"soldier"}, Code: "MIL"})
	d.AddAgent(&Agent{Phrase: []string{"riot"}, Code: "XXX"})
	d.AddAgent(&Agent{Phrase: []string{"riot", "police"}, Code: "COP", Surface: true})
	tests := []struct {
		words, lemmas []string
		code          string
		n             int
	}{
		{[]string{"police"}, []string{"police"}, "COP", 1},
		{[]string{"polices"}, []string{"police"}, "", 0},      // the verb, not the agent
		{[]string{"soldiers"}, []string{"soldier"}, "MIL", 1}, // lemma matching stays for the rest
		{[]string{"riot", "police"}, []string{"riot", "police"}, "COP", 2},
		{[]string{"riot", "polices"}, []string{"riot", "police"}, "XXX", 1},
	}
	for _, tt := range tests {
		gs, n := d.MatchAgent(Seq{Words: tt.words, Lemmas: tt.lemmas}, 0)
		if n != tt.n || (n > 0 && gs[0].Code != tt.code) {
			t.Errorf("%v: got %d words %v, want %d %s", tt.words, n, gs, tt.n, tt.code)
		}
	}
	if got := d.Stats().Agents; got != 4 {
		t.Errorf("Stats().Agents = %d, want 4", got)
	}
}
