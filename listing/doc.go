// Package listing is what both stores do with a listing request before
// each turns it into its own SQL: the page cursors, the page sizes, and
// the checks and normalisation of a filter. Keeping them in one place is
// what makes a cursor from one store's page, a refused filter or an
// upper-cased actor prefix mean the same on SQLite and on PostgreSQL.
package listing
