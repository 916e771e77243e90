// Package khaldun holds the domain types of the khaldun event-data engine:
// the output contract written for every article (Document and what it
// contains) and the small value types that flow between pipeline stages
// (Input, Text, Sentence, Token, Span).
//
// The contract is defined here and nowhere else; docs/output.md describes it
// for users. Every offset in it is a byte offset into the article body after
// normalisation and boilerplate removal (Document.Article.Text when the
// caller asks for the text).
package khaldun

// Schema is the version of the output contract. It changes only when a
// field changes meaning or disappears; adding a field does not bump it.
const Schema = 1

// Document is the result for one article: the unit khaldun writes, stores
// and serves.
type Document struct {
	Schema    int       `json:"schema"`
	Article   Article   `json:"article"`
	Sentences []SentRef `json:"sentences"`
	Events    []Event   `json:"events"`
	Entities  []Entity  `json:"entities"`
	Places    []Place   `json:"places"`
	Dates     []Date    `json:"dates"`
	Quotes    []Quote   `json:"quotes"`
	Counts    []Count   `json:"counts"`
}

// NewDocument returns a document with every list non-nil, so that the JSON
// shape never changes between `[]` and `null`.
func NewDocument(a Article) *Document {
	return &Document{
		Schema:    Schema,
		Article:   a,
		Sentences: []SentRef{},
		Events:    []Event{},
		Entities:  []Entity{},
		Places:    []Place{},
		Dates:     []Date{},
		Quotes:    []Quote{},
		Counts:    []Count{},
	}
}

// Article is the metadata of an article and what the pipeline did to it.
type Article struct {
	// ID is a stable hash of the normalised body text: the same text gives
	// the same ID whatever file or feed it came from.
	ID string `json:"id"`
	// InputID is the id the input gave the article (a JSON Lines "id"),
	// kept so results can be joined back to the corpus; "" when none.
	InputID   string `json:"input_id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"` // YYYY-MM-DD or ""
	Language  string `json:"language"`  // ISO 639-1
	// Skipped says why an article was not analysed ("language de"); its
	// lists are then empty. "" for an analysed article.
	Skipped string    `json:"skipped"`
	Dropped []Dropped `json:"dropped"`
	Stats   Stats     `json:"stats"`
	// Tone is the mean sentence tone, -100 (negative) to +100 (positive).
	Tone float64 `json:"tone"`
	// Text is the analysed body; only written when asked for (--with-text).
	Text string `json:"text,omitempty"`
}

// Dropped is a line of the input removed as boilerplate before analysis.
// It has no span because it is not part of the analysed text; Line is its
// 1-based line number in the input file for plain text, in the article's
// text field for JSON Lines.
type Dropped struct {
	Line   int    `json:"line"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Stats counts what the pipeline saw and how long it took.
type Stats struct {
	Sentences    int     `json:"sentences"`
	Tokens       int     `json:"tokens"`
	Milliseconds float64 `json:"milliseconds"`
	// InvalidUTF8 is the number of invalid byte sequences replaced by U+FFFD.
	InvalidUTF8 int `json:"invalid_utf8"`
}

// SentRef locates a sentence in the body; events refer to it by index.
type SentRef struct {
	Span      Span    `json:"span"`
	Paragraph int     `json:"paragraph"`
	Tone      float64 `json:"tone"`
	Text      string  `json:"text,omitempty"`
}

// Event is one coded event: who did what to whom, with its evidence.
type Event struct {
	ID         string    `json:"id"`
	Sentence   int       `json:"sentence"`
	Span       Span      `json:"span"`
	Text       string    `json:"text"`
	Source     Actor     `json:"source"`
	Target     *Actor    `json:"target"`
	Code       string    `json:"code"`
	Root       string    `json:"root"`
	Name       string    `json:"name"`
	Plover     string    `json:"plover"`
	QuadClass  int       `json:"quad_class"`
	Goldstein  float64   `json:"goldstein"`
	Date       string    `json:"date"`
	DateText   string    `json:"date_text"`
	Location   *Location `json:"location"`
	Rule       string    `json:"rule"`
	Confidence float64   `json:"confidence"`
	Tone       float64   `json:"tone"` // the tone of its sentence
}

// Actor is the source or target of an event.
type Actor struct {
	Text    string `json:"text"`
	Code    string `json:"code"`    // full CAMEO actor code, e.g. "PSEREB" or "CHNGOV"
	Country string `json:"country"` // ISO 3166-1 alpha-3 or ""
	Role    string `json:"role"`    // CAMEO role code, e.g. "GOV", or ""
	Span    Span   `json:"span"`
}

// Location is where an event took place.
type Location struct {
	Text      string  `json:"text"`
	Name      string  `json:"name"`
	Country   string  `json:"country"`
	Admin1    string  `json:"admin1"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	GeonameID int     `json:"geonameid"`
	// Span is the place mention's byte span in the body, so that a
	// location can be told apart from another mention of the same name
	// (an event's own actor, say).
	Span Span `json:"span"`
}

// Entity is a named-entity mention.
type Entity struct {
	Text  string `json:"text"`
	Type  string `json:"type"` // PERSON, ORG, LOC, MISC
	Span  Span   `json:"span"`
	Actor string `json:"actor"` // actor code when the dictionaries know it
}

// Place is a resolved toponym mention.
type Place struct {
	Text      string  `json:"text"`
	Span      Span    `json:"span"`
	Name      string  `json:"name"`
	Country   string  `json:"country"`
	Admin1    string  `json:"admin1"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	GeonameID int     `json:"geonameid"`
}

// Date is a temporal expression with its TimeML value, normalised against
// the publication date: 2024-04-30, 2024-04, 2024, 2024-W17, 2024-Q3,
// PRESENT_REF, P3D (a duration), 2024-04-30TNI (a part of a day).
type Date struct {
	Text  string `json:"text"`
	Span  Span   `json:"span"`
	Value string `json:"value"`
	Type  string `json:"type"` // DATE, TIME, DURATION or SET
	Mod   string `json:"mod"`  // START, END, MID, APPROX, ... or ""
}

// Quote is reported speech with its speaker.
type Quote struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
	// Speaker is the person or body quoted, by its fullest name in the
	// article ("Lin Jian" for a quote attributed to "Lin" or "he").
	Speaker string `json:"speaker"`
	// SpeakerSpan is where the speaker is mentioned as the attribution's
	// subject ("he", "the spokesman", "Sen. Jane Roe"); null when the
	// speaker was carried over from an earlier quotation or not found.
	SpeakerSpan  *Span  `json:"speaker_span"`
	SpeakerActor string `json:"speaker_actor"`
}

// Count is a number of people killed, wounded, missing, arrested, … .
type Count struct {
	Type      string `json:"type"` // killed, wounded, missing, ...
	Number    int64  `json:"number"`
	Qualifier string `json:"qualifier"` // "over", "at least", "about", ""
	Object    string `json:"object"`
	Span      Span   `json:"span"`
	// Agent is who the sentence says did it, in its words: a force
	// ("police", "security forces", "mob") or the action of one ("police
	// firing", "encounter"); "" when the sentence names no one.
	Agent string `json:"agent"`
	// AgentSpan is where Agent is in the body; null when Agent is "".
	AgentSpan *Span `json:"agent_span"`
	// AgentRole is the CAMEO role code of a state force agent: COP for
	// police, MIL for the army and paramilitary; "" for anyone else. It
	// is set with Agent "" when the sentence implies a state force
	// without naming one: armed men (militants, rebels) killed with no
	// one said to have killed them.
	AgentRole string `json:"agent_role"`
}
