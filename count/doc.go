// Package count finds counted people in news text — how many were killed,
// wounded, missing, arrested, … — and adds them to Document.Counts.
//
// A count is a number phrase tied to a word that types it, in either order:
//
//	at least 40 people were killed          number, object, trigger
//	police fired, killing two               trigger, number
//	claimed the lives of over 34,500 …      trigger phrase, number, object
//	the death toll rose to 40               toll, number
//
// Types (Count.Type):
//
//	KILL          killed, died, dead, perished, shot dead, deaths, death toll, lost their lives
//	WOUND         injured, wounded, hurt
//	MISSING       missing, unaccounted for
//	ARREST        arrested, held (after an auxiliary), nabbed, apprehended, taken into custody
//	DETAIN        detained; kept apart from ARREST because detention without charge
//	              is its own event in the sources (preventive detention, internment)
//	KIDNAP        abducted, kidnapped, taken hostage, hostages
//	DISPLACE      displaced, fled, rendered homeless
//	EVACUATE      evacuated
//	REFUGEE       refugees (the noun counts them)
//	PROTEST_SIZE  protesters, demonstrators, rallied, marched, took to the streets
//
// Numbers: digits with comma or space separators ("34,500", "10 000"),
// decimals with scale words ("1.2 million", "2.5m", "3 lakh", "2 crore"),
// number words ("three", "twenty-five", "two hundred", "a dozen"), and a
// singular person after "a", "an" or "another" ("a man was killed" is a count
// of one). Vague plurals get a fixed conventional value and the qualifier
// "several", so that a sum over counts stays meaningful but never reads as
// exact: dozens 24, scores 40, hundreds 200, thousands 2000, tens of
// thousands 20000, hundreds of thousands 200000, lakhs 200000, millions
// 2000000.
//
// Qualifiers are normalised to a small set: "over" (over, more than, upwards
// of, N-plus), "at least" (at least, no fewer than, N or more), "about"
// (about, around, some, approximately, roughly, N-odd), "nearly" (nearly,
// almost, close to), "up to" (up to, as many as), "under" (fewer than, less
// than), "estimated" (an estimated), "several" (vague plurals), or "".
//
// False counts avoided: years (a bare 1800–2100 unless a person noun
// follows), dates next to a month name, ages ("a 34-year-old", "(32)",
// "aged 40"), money and percentages, ordinals, phone and reference numbers
// (page, section, …), and numbers of things rather than people (rounds,
// houses, km, days).
//
// Span runs from the first word of the count expression (qualifier, number
// or a trigger before it) to its last (object or trigger).
//
// Agent is who did it, when the sentence says so (agent.go): a by-phrase
// ("shot dead by police"), the action that killed ("in police firing",
// "in an encounter"), the subject of a trigger before the number ("police
// fired, killing two"), or a state force firing or clashing elsewhere in
// the sentence. AgentRole is COP for police and security forces, MIL for
// the army and paramilitary, "" for anyone else (a mob, gunmen).
//
// A death without a number ("people were killed in police firing", "more
// died in police firing than in rioting") is not a count: a count's Number
// is a number the text gives, as in GDELT's GKG counts, so that sums over
// counts mean something. Who killed such unnumbered dead is still coded,
// as a killing event (package coder, coder/cause.go).
package count
