// Package cameo holds the CAMEO event and actor ontology as plain data
// files embedded in the binary, plus a small lookup API.
//
// The data live in text files rather than Go literals so that changes to
// the ontology are reviewable as one-line diffs by people who know event
// data but not Go. Both files are parsed once at program start; the
// package tests (the "lint" tests) guarantee they parse and are consistent.
//
// # codes.txt
//
// One CAMEO event code per line, every level: the 20 two-digit roots, the
// three-digit codes and the four-digit codes. Five TAB-separated fields:
//
//	code  quad  goldstein  plover  name
//
// The fields are:
//
//   - code: two to four ASCII digits; the first two are the root.
//   - quad: QuadClass 1-4 (verbal cooperation, material cooperation,
//     verbal conflict, material conflict). It is determined by the root:
//     01-05 → 1, 06-08 → 2, 09-13 → 3, 14-20 → 4.
//   - goldstein: Goldstein scale weight in [-10, 10].
//   - plover: PLOVER event category, or "-" when PLOVER has no
//     counterpart. Stored per code because some codes collapse into a
//     different category than their root.
//   - name: short English label (may contain spaces, not TABs).
//
// Lines are sorted by code in byte order, which puts each root before its
// three-digit children and each three-digit code before its four-digit
// children. Blank lines and lines starting with "#" are ignored.
//
// # roles.txt
//
// One actor type code per line, three TAB-separated fields:
//
//	code  kind  description
//
// code is three upper-case letters, kind is "role" (government, military,
// rebels, business, media, IGO, NGO, ...) or "religion" (CHR, MOS, JEW,
// ...). Sorted by code; codes are unique across both kinds.
//
// # Sources
//
// The facts are restated in this project's own words and format from
// public references:
//
//   - Codes, names and hierarchy: the CAMEO 1.1b3 codebook (Schrodt,
//     Conflict and Mediation Event Observations, 2012), including the
//     1.1b3 refinements of older labels (e.g. 0811 "political freedoms"
//     rather than "freedoms of expression") and the 1951/1952 leaves.
//   - QuadClass: the standard root-based mapping used by GDELT and ICEWS.
//   - Goldstein values: the per-code weights GDELT publishes for CAMEO,
//     derived from Goldstein (1992), "A Conflict-Cooperation Scale for
//     WEIS Events Data", Journal of Conflict Resolution 36(2). GDELT gives
//     no value for 1213, 1214, 1951 and 1952; those inherit their
//     three-digit parent's value.
//   - PLOVER: the CAMEO-to-PLOVER conversion table of 2021 (PLOVER manual
//     draft 0.8, September 2021), whose 16 categories are the ones used by
//     PLOVER manual 2.0 and the POLECAT data set. That table does not
//     cover roots 01 and 02. Here 01 (public statements) has no
//     counterpart, because PLOVER deliberately does not code statements,
//     and 02 (appeals) maps to REQUEST, which the PLOVER manual defines as
//     "all requests, demands, and orders". Four-digit codes missing from
//     the table (1951, 1952) take their parent's category.
//   - Actor codes: the CAMEO 1.1b3 actor codebook, as tabulated in the
//     GDELT type and religion lookups.
package cameo
