// Package lexicon holds khaldun's own dictionaries: plain, reviewable text
// files embedded in the binary, written by the project (never copied from
// another dictionary), and the parsers that load them.
//
// # Common rules
//
// Every file in data/ is UTF-8 text, one entry a line, fields separated by
// a single TAB. A '#' starts a comment that runs to the end of the line;
// blank lines are ignored. Files are sorted (byte order of the whole line,
// after stripping comments) and hold no duplicate entry; a lint test keeps
// them so. Phrases are lower case, words separated by one space, split the
// way khaldun's tokenizer splits text: "al-shabab" is one word, "u.s." keeps
// its periods, and a possessive is its own word ("china 's").
//
// A phrase word matches a token whose lower-case text or lemma equals it,
// so "hold talks with +" matches "held talks with".
//
// # countries.txt — phrase, ISO3, kind
//
// kind is one of
//
//	name     the country itself ("china", "people 's republic of china")
//	adj      an adjective that makes an agent national ("chinese" troops)
//	people   a demonym noun for its people ("palestinians")
//	capital  the capital used as a metonym ("beijing said")
//	seat     a seat of government that stands for the government
//	         ("kremlin", "white house"): codes ISO3 + GOV
//
// # agents.txt — phrase, role
//
// Role nouns and institutions that combine with a country or organisation
// ("israeli troops" → ISRMIL, "china 's foreign ministry" → CHNGOV). role
// is a CAMEO role code (see cameo/roles.txt). Singular and plural forms are
// both listed.
//
// # orgs.txt — phrase, code, kind, from, to
//
// Named organisations. code is the full actor code (ISO3 or IGO/NGO/MNC
// prefix plus role, e.g. PSEREB for Hamas, IGOUNO for the United Nations);
// kind is one of igo, ngo, media, armed, party, company, other. from and
// to (YYYY-MM-DD, optional, as in people.txt) restrict a line to articles
// published in that range, for a group whose role changed: the Taliban
// code AFGGOV while they ruled Afghanistan and AFGREB otherwise, written
// as one undated line (the default) and one line per dated range.
//
// # people.txt — phrase, code, from, to
//
// Office holders. The entry codes the name only for articles published
// between from and to (YYYY-MM-DD, either may be empty for open-ended), so
// one name can code differently over time. A person with several offices
// has several lines. For people and orgs alike, the first dated line whose
// range holds the article's date wins, else the undated line; with no
// undated line, an article of unknown date takes the first line and one
// dated outside every range leaves the name uncoded.
//
// The people dictionary is split into people-*.txt files that load as one
// (people-history.txt holds office holders of roughly 1975–2005 for news
// archives of that period, people-world.txt the Americas, Asia and Oceania).
// A name listed in several files keeps the lines of all of them, read in
// file-name order, so "first line" above means the first file's first.
//
// # verbs.txt — code, kind, pattern
//
// kind is "verb" or "noun". A verb pattern starts with the verb (base form)
// and continues with words that must follow it in order; "+" marks where
// the target actor stands, "$" the source when the pattern places it
// (mostly in nominal patterns), and "..." allows a gap of up to three
// words. Without "$" the source is the verb's subject. Examples:
//
//	040	verb	meet with +
//	042	verb	travel to +
//	112	verb	accuse + of
//	040	noun	talks between $ and +
//	195	noun	air strike on +
//
// The code "---" marks a pattern that matches and codes nothing: it keeps a
// sense of the verb that is no political event from falling back on the
// verb's default ("fight ... epidemic" against "fight" 190), as the most
// specific match wins.
//
//	---	verb	fight ... epidemic
//
// # discards.txt — phrase, scope
//
// scope "sentence" makes a sentence containing the phrase uncodable
// (sports results, film reviews); scope "actor" marks a phrase that is not
// an actor even though it contains one ("hamas-run health ministry" as a
// source of figures).
package lexicon
