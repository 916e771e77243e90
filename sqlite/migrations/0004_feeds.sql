-- What khaldun watch remembers between polls: each feed's validators for
-- conditional requests, and every item whose page gave an answer, so that
-- no page is fetched twice. An item has two keys, its link and
-- "guid:"+GUID; either seen means the item was.

CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	status        INTEGER NOT NULL DEFAULT 0, -- of the last poll; 0: no response
	polled        TEXT NOT NULL               -- RFC 3339, UTC
) WITHOUT ROWID;

CREATE TABLE feed_items (
	key     TEXT PRIMARY KEY,
	feed    TEXT NOT NULL,
	status  INTEGER NOT NULL,           -- of the page; 0: no response
	article TEXT NOT NULL DEFAULT '',   -- articles.id stored from it, '' when none
	fetched TEXT NOT NULL               -- RFC 3339, UTC
) WITHOUT ROWID;
