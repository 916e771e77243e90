-- Articles with everything coded in them, and the events aggregated across
-- them. Tables refer to each other by integer seq (the rowid), which keeps
-- indexes and foreign keys small; the public IDs are hashes kept unique.

CREATE TABLE articles (
	seq        INTEGER PRIMARY KEY,
	id         TEXT    NOT NULL UNIQUE, -- content hash of the analysed body
	url        TEXT    NOT NULL,
	title      TEXT    NOT NULL,
	source     TEXT    NOT NULL,
	published  TEXT    NOT NULL,        -- YYYY-MM-DD or ''
	language   TEXT    NOT NULL,
	body       BLOB    NOT NULL,        -- a BLOB so that substr() counts bytes, like spans
	sentences  TEXT    NOT NULL,        -- JSON [[start, end, paragraph], ...]
	dropped    TEXT    NOT NULL,        -- JSON, as in the document
	stats      TEXT    NOT NULL,        -- JSON, as in the document
	dictionary TEXT    NOT NULL,
	pipeline   TEXT    NOT NULL,
	tone       REAL,
	ingested   TEXT    NOT NULL         -- RFC 3339 UTC
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_dictionary ON articles(dictionary);

-- One row per real-world event: the key (date, source, target, code,
-- location) hashed into id. Counters are maintained on insert.
CREATE TABLE events (
	seq            INTEGER PRIMARY KEY,
	id             TEXT    NOT NULL UNIQUE,
	date           TEXT    NOT NULL,
	source_code    TEXT    NOT NULL,
	source_country TEXT    NOT NULL,
	source_role    TEXT    NOT NULL,
	target_code    TEXT,                -- NULL: no target
	target_country TEXT,
	target_role    TEXT,
	code           TEXT    NOT NULL,
	root           TEXT    NOT NULL,
	name           TEXT    NOT NULL,
	plover         TEXT    NOT NULL,
	quad_class     INTEGER NOT NULL,
	goldstein      REAL    NOT NULL,
	loc_name       TEXT,                -- NULL: no location
	loc_country    TEXT,
	loc_admin1     TEXT,
	lat            REAL,
	lon            REAL,
	geonameid      INTEGER,
	num_mentions   INTEGER NOT NULL,
	num_sources    INTEGER NOT NULL,
	num_articles   INTEGER NOT NULL,
	first_seen     TEXT    NOT NULL,
	last_seen      TEXT    NOT NULL,
	tone_sum       REAL,
	tone_n         INTEGER NOT NULL
);
-- Listings sort by (date, seq) or (num_mentions, seq) and page by keyset.
CREATE INDEX events_date ON events(date, seq);
CREATE INDEX events_mentions ON events(num_mentions, seq);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_source_country ON events(source_country);
CREATE INDEX events_target_country ON events(target_country);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_root_quad ON events(root, quad_class);
CREATE INDEX events_quad ON events(quad_class, date);
CREATE INDEX events_place ON events(loc_name COLLATE NOCASE);
CREATE INDEX events_geo ON events(lat, lon) WHERE lat IS NOT NULL;

-- The outlets that reported an event, so NumSources counts each once.
CREATE TABLE event_sources (
	event  INTEGER NOT NULL REFERENCES events(seq),
	source TEXT    NOT NULL,
	PRIMARY KEY (event, source)
) WITHOUT ROWID;

-- One row per coded event of an article (khaldun.Event).
CREATE TABLE mentions (
	seq            INTEGER PRIMARY KEY,
	article        INTEGER NOT NULL REFERENCES articles(seq),
	ord            INTEGER NOT NULL,    -- position in the document's events
	event          INTEGER NOT NULL REFERENCES events(seq),
	id             TEXT    NOT NULL,
	sentence       INTEGER NOT NULL,
	sent_start     INTEGER NOT NULL,    -- the evidence sentence, for text search
	sent_end       INTEGER NOT NULL,
	span_start     INTEGER NOT NULL,
	span_end       INTEGER NOT NULL,
	source_text    TEXT    NOT NULL,
	source_code    TEXT    NOT NULL,
	source_country TEXT    NOT NULL,
	source_role    TEXT    NOT NULL,
	source_start   INTEGER NOT NULL,
	source_end     INTEGER NOT NULL,
	target_text    TEXT,
	target_code    TEXT,
	target_country TEXT,
	target_role    TEXT,
	target_start   INTEGER,
	target_end     INTEGER,
	code           TEXT    NOT NULL,
	root           TEXT    NOT NULL,
	name           TEXT    NOT NULL,
	plover         TEXT    NOT NULL,
	quad_class     INTEGER NOT NULL,
	goldstein      REAL    NOT NULL,
	date           TEXT    NOT NULL,
	date_text      TEXT    NOT NULL,
	location       TEXT,                -- JSON khaldun.Location, NULL when none
	rule           TEXT    NOT NULL,
	confidence     REAL    NOT NULL,
	UNIQUE (article, ord)
);
CREATE INDEX mentions_event ON mentions(event, article);

CREATE TABLE entities (
	article INTEGER NOT NULL REFERENCES articles(seq),
	ord     INTEGER NOT NULL,
	text    TEXT    NOT NULL,
	type    TEXT    NOT NULL,
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL,
	actor   TEXT    NOT NULL,
	PRIMARY KEY (article, ord)
) WITHOUT ROWID;
CREATE INDEX entities_actor ON entities(actor) WHERE actor <> '';

CREATE TABLE places (
	article   INTEGER NOT NULL REFERENCES articles(seq),
	ord       INTEGER NOT NULL,
	text      TEXT    NOT NULL,
	start     INTEGER NOT NULL,
	end       INTEGER NOT NULL,
	name      TEXT    NOT NULL,
	country   TEXT    NOT NULL,
	admin1    TEXT    NOT NULL,
	lat       REAL    NOT NULL,
	lon       REAL    NOT NULL,
	geonameid INTEGER NOT NULL,
	PRIMARY KEY (article, ord)
) WITHOUT ROWID;
CREATE INDEX places_geonameid ON places(geonameid) WHERE geonameid <> 0;

CREATE TABLE dates (
	article INTEGER NOT NULL REFERENCES articles(seq),
	ord     INTEGER NOT NULL,
	text    TEXT    NOT NULL,
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL,
	value   TEXT    NOT NULL,
	PRIMARY KEY (article, ord)
) WITHOUT ROWID;

CREATE TABLE quotes (
	article       INTEGER NOT NULL REFERENCES articles(seq),
	ord           INTEGER NOT NULL,
	text          TEXT    NOT NULL,
	start         INTEGER NOT NULL,
	end           INTEGER NOT NULL,
	speaker       TEXT    NOT NULL,
	speaker_actor TEXT    NOT NULL,
	PRIMARY KEY (article, ord)
) WITHOUT ROWID;

CREATE TABLE counts (
	article   INTEGER NOT NULL REFERENCES articles(seq),
	ord       INTEGER NOT NULL,
	type      TEXT    NOT NULL,
	number    INTEGER NOT NULL,
	qualifier TEXT    NOT NULL,
	object    TEXT    NOT NULL,
	start     INTEGER NOT NULL,
	end       INTEGER NOT NULL,
	PRIMARY KEY (article, ord)
) WITHOUT ROWID;
