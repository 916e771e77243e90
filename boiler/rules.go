package boiler

import "regexp"

// A rule recognises a whole line (trimmed) as one kind of boilerplate.
// Patterns are anchored at both ends or bounded in length so that a body
// sentence that merely starts the same way is not matched.
type rule struct {
	reason string
	re     *regexp.Regexp
}

// maxRuleLine bounds the lines rules look at: boilerplate is short, and a
// long line is a paragraph however it starts.
const maxRuleLine = 200

var rules = []rule{
	{"reading-time", re(`^(estimated\s+)?(reading|read)\s+time\s*:?\s*(about\s+|less than\s+)?\d+\s*(min|mins|minutes?)\.?$`)},
	{"reading-time", re(`^(\d+|one|two|three|four|five)[\s-]*(min|mins|minutes?)\s+(read|listen)\.?$`)},
	{"reading-time", re(`^listen to (this|the) (article|story)(\s*[:·•|-]?\s*\d+\s*(min|mins|minutes?))?\.?$`)},
	{"share", re(`^share (this|the) (article|story|post|page|video)\b.{0,60}$`)},
	{"share", re(`^share(\s+(on|via|this))?\s*[:|]?(\s*[|·•,]?\s*(facebook|twitter|x|whatsapp|linkedin|email|e-mail|reddit|telegram|print))*$`)},
	{"share", re(`^(facebook|twitter|whatsapp|linkedin|email|e-mail|print|tweet|pinterest|reddit|copy link|comments?)(\s*[|·•,]\s*(facebook|twitter|whatsapp|linkedin|email|e-mail|print|tweet|pinterest|reddit|copy link|comments?))*$`)},
	{"share", re(`^follow (us|me|@\w+)\b.{0,60}\b(twitter|facebook|instagram|linkedin|x|tiktok|youtube|threads|bluesky|telegram|whatsapp|@\w+)\b.{0,30}$`)},
	{"share", re(`^follow (us|@\w+)$`)},
	{"share", re(`^follow [\p{L} .&'’-]{1,60} on (twitter|facebook|instagram|x|threads|bluesky|linkedin)\.?$`)},
	{"subscribe", re(`^subscribe\b.{0,120}$`)},
	{"subscribe", re(`^sign up\b.{0,100}\b(newsletter|email|e-mail|alerts|updates|our|here|now|free|today|daily|weekly|briefing|podcast)\b.{0,60}$`)},
	{"subscribe", re(`^(get|receive) (our|the) [\w\s]{0,30}(newsletter|briefing|alerts)\b.{0,80}$`)},
	{"subscribe", re(`^(already a subscriber|log ?in|sign in|register)\b.{0,60}\b(subscri|account|continue|read)\w*\b.{0,40}$`)},
	{"click-here", re(`^(click|tap) here\b.{0,150}$`)},
	{"advertisement", re(`^[-–—\s]*(advertisement|advertising|ad|sponsored( content)?|paid content|story continues below( this)? (advertisement|ad)|continue reading (below|the main story)|scroll to continue( with content)?|article continues (below|after advertisement))[-–—\s]*$`)},
	{"related", re(`^(related|related (articles?|stories|content|coverage|links?|news)|read more|read also|also read|see also|more on this( story)?|more from [\w\s]{1,30}|recommended( for you| reading)?|you (may|might) also like|most (read|popular|viewed)|trending( now| stories)?|what to read next|further reading)\s*(:.{0,150}|[:»›>→]?)$`)},
	{"tags", re(`^(tags|topics|filed under|categories)\s*:.{0,200}$`)},
	{"copyright", re(`^(©|(\(c\)|copyright)\s*(©|\(c\))?\s*\d{4})`)},
	{"copyright", re(`^(all rights reserved\.?|.{0,80}\ball rights reserved\.?)$`)},
	{"copyright", re(`^this (material|article|story) may not be (published|reproduced|copied).{0,120}$`)},
	{"photo-credit", re(`^(image|media|photo|video) (caption|source|credit)\b.{0,120}$`)},
	{"photo-credit", re(`^\(?(photo|image|picture|photograph|file photo)s?( credit)?\s*:\s*.{1,100}$`)},
	{"photo-credit", re(`^\(?(file )?photo(graph)?s? by\s+\p{Lu}.{0,80}$`)},
	{"photo-credit", re(`^\(?\s*(getty images|ap photo|afp|reuters|epa|shutterstock|alamy)(/[^)]{0,60})?\s*\)?$`)},
	{"photo-credit", re(`^.{0,80}/(getty images|afp via getty images|afp|reuters|ap|epa(-efe)?|shutterstock)\)?$`)},
	// "(Reporting by …; Editing by …)" credits the wire's staff. It is real
	// attribution but not news: the names in it are journalists, and the
	// entity and actor stages would otherwise pick them up as people in the
	// story. Same for a one-line byline.
	{"byline", re(`^\(\s*(additional\s+)?(reporting|writing|compiled|editing)( and \w+)? by\b[^)]{0,300}\)$`)},
	{"byline", re(`^(contributing|additional reporting)\s*:.{1,200}$`)},
	{"byline", re(`^(reporting|edited|editing|written) by\s+\p{Lu}[^.]{0,80}\.?$`)},
	{"byline", regexp.MustCompile(`^(?i:by)\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}(\s+(and|&)\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3})?(\s*[,|–—-]\s*\p{Lu}[\p{L}.]*(\s+\p{Lu}[\p{L}.]*){0,4})?$`)},
}

// notByline is what the byline pattern, RE2 having no lookahead, cannot
// exclude itself: "BY THE NUMBERS" is a heading; names do not start with
// "the".
var notByline = re(`^by\s+the\b`)

func re(s string) *regexp.Regexp { return regexp.MustCompile(`(?i)` + s) }

// classify returns the reason a trimmed line is boilerplate, or "".
func classify(t string) string {
	if len(t) > maxRuleLine {
		return ""
	}
	for _, r := range rules {
		if r.re.MatchString(t) && (r.reason != "byline" || !notByline.MatchString(t)) {
			return r.reason
		}
	}
	return ""
}
