-- The khaldun store on PostgreSQL: the tables of the SQLite store (its
-- migrations 0001-0006) in one first version. Text that is compared,
-- ranged or sorted is COLLATE "C" so that it orders by bytes, as SQLite
-- does, whatever the database's locale: code prefixes become ranges up to
-- '~', and a listing pages the same way in both stores.

CREATE TABLE articles (
	seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id           text COLLATE "C" NOT NULL UNIQUE, -- content hash of the analysed body
	url          text NOT NULL,
	title        text NOT NULL,
	source       text NOT NULL,
	published    text COLLATE "C" NOT NULL,        -- YYYY-MM-DD or ''
	language     text NOT NULL,
	body         bytea NOT NULL,                   -- bytes, so that substring() counts bytes like spans
	sentences    text NOT NULL,                    -- JSON [[start, end, paragraph], ...]
	dropped      text NOT NULL,                    -- JSON, as in the document
	stats        text NOT NULL,                    -- JSON, as in the document
	dictionary   text NOT NULL,
	pipeline     text NOT NULL,
	tone         double precision,
	ingested     text COLLATE "C" NOT NULL,        -- RFC 3339 UTC
	sketch       bytea,                            -- MinHash; NULL: too short to compare
	duplicate_of bigint REFERENCES articles(seq),  -- earliest stored article it copies
	source_key   text NOT NULL                     -- whom NumSources counts it as
);
CREATE INDEX articles_published ON articles(published, seq);
CREATE INDEX articles_dictionary ON articles(dictionary);

-- LSH band keys of the sketches, from which near-duplicate candidates are
-- found, and the links verified.
CREATE TABLE article_bands (
	key     bigint NOT NULL,
	article bigint NOT NULL REFERENCES articles(seq),
	PRIMARY KEY (key, article)
);
CREATE TABLE duplicates (
	a          bigint NOT NULL REFERENCES articles(seq),
	b          bigint NOT NULL REFERENCES articles(seq),
	similarity double precision NOT NULL,
	PRIMARY KEY (a, b),
	CHECK (a < b)
);
CREATE INDEX duplicates_b ON duplicates(b);

-- One row per real-world event: the key (date, source, target, code,
-- location) hashed into id. Counters are maintained on insert; the
-- location's text and span are its first mention's.
CREATE TABLE events (
	seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id             text COLLATE "C" NOT NULL UNIQUE,
	date           text COLLATE "C" NOT NULL,
	source_code    text COLLATE "C" NOT NULL,
	source_country text COLLATE "C" NOT NULL,
	source_role    text NOT NULL,
	target_code    text COLLATE "C",           -- NULL: no target
	target_country text COLLATE "C",
	target_role    text,
	code           text COLLATE "C" NOT NULL,
	root           text COLLATE "C" NOT NULL,
	name           text NOT NULL,
	plover         text NOT NULL,
	quad_class     integer NOT NULL,
	goldstein      double precision NOT NULL,
	loc_name       text,                       -- NULL: no location
	loc_country    text,
	loc_admin1     text,
	lat            double precision,
	lon            double precision,
	geonameid      bigint,
	loc_text       text,
	loc_start      integer,
	loc_end        integer,
	num_mentions   integer NOT NULL,
	num_sources    integer NOT NULL,
	num_articles   integer NOT NULL,
	first_seen     text COLLATE "C" NOT NULL,
	last_seen      text COLLATE "C" NOT NULL,
	tone_sum       double precision,
	tone_n         integer NOT NULL
);
-- Listings sort by (date, seq) or (num_mentions, seq) and page by keyset.
CREATE INDEX events_date ON events(date, seq);
CREATE INDEX events_mentions ON events(num_mentions, seq);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_source_country ON events(source_country, date);
CREATE INDEX events_target_country ON events(target_country, date);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_root_date ON events(root, date);
CREATE INDEX events_quad ON events(quad_class, date);
CREATE INDEX events_place ON events(lower(loc_name)) WHERE loc_name IS NOT NULL;
CREATE INDEX events_geonameid ON events(geonameid) WHERE geonameid IS NOT NULL;
CREATE INDEX events_geo ON events(lat, lon) WHERE lat IS NOT NULL;

-- The outlets that reported an event, so NumSources counts each once.
CREATE TABLE event_sources (
	event  bigint NOT NULL REFERENCES events(seq),
	source text NOT NULL,
	PRIMARY KEY (event, source)
);

-- One row per coded event of an article (khaldun.Event).
CREATE TABLE mentions (
	seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	article        bigint NOT NULL REFERENCES articles(seq),
	ord            integer NOT NULL,           -- position in the document's events
	event          bigint NOT NULL REFERENCES events(seq),
	id             text NOT NULL,
	sentence       integer NOT NULL,
	sent_start     integer NOT NULL,           -- the evidence sentence
	sent_end       integer NOT NULL,
	lead           boolean NOT NULL,           -- the sentence is in the first paragraph
	span_start     integer NOT NULL,
	span_end       integer NOT NULL,
	source_text    text NOT NULL,
	source_code    text COLLATE "C" NOT NULL,
	source_country text COLLATE "C" NOT NULL,
	source_role    text NOT NULL,
	source_start   integer NOT NULL,
	source_end     integer NOT NULL,
	target_text    text,
	target_code    text COLLATE "C",
	target_country text COLLATE "C",
	target_role    text,
	target_start   integer,
	target_end     integer,
	code           text COLLATE "C" NOT NULL,
	root           text COLLATE "C" NOT NULL,
	name           text NOT NULL,
	plover         text NOT NULL,
	quad_class     integer NOT NULL,
	goldstein      double precision NOT NULL,
	date           text NOT NULL,
	date_text      text NOT NULL,
	location       text,                       -- JSON khaldun.Location, NULL when none
	rule           text NOT NULL,
	confidence     double precision NOT NULL,
	-- The evidence sentence's words, folded as the query's are (package
	-- postgres, words()), for EventFilter.Query.
	evidence       tsvector NOT NULL,
	UNIQUE (article, ord)
);
CREATE INDEX mentions_event ON mentions(event, article);
CREATE INDEX mentions_evidence ON mentions USING gin (evidence);

CREATE TABLE entities (
	article    bigint NOT NULL REFERENCES articles(seq),
	ord        integer NOT NULL,
	text       text NOT NULL,
	type       text NOT NULL,
	span_start integer NOT NULL,
	span_end   integer NOT NULL,
	actor      text NOT NULL,
	PRIMARY KEY (article, ord)
);
CREATE INDEX entities_actor ON entities(actor) WHERE actor <> '';

CREATE TABLE places (
	article    bigint NOT NULL REFERENCES articles(seq),
	ord        integer NOT NULL,
	text       text NOT NULL,
	span_start integer NOT NULL,
	span_end   integer NOT NULL,
	name       text NOT NULL,
	country    text COLLATE "C" NOT NULL,
	admin1     text NOT NULL,
	lat        double precision NOT NULL,
	lon        double precision NOT NULL,
	geonameid  bigint NOT NULL,
	PRIMARY KEY (article, ord)
);
CREATE INDEX places_country ON places(country, article);

CREATE TABLE dates (
	article    bigint NOT NULL REFERENCES articles(seq),
	ord        integer NOT NULL,
	text       text NOT NULL,
	span_start integer NOT NULL,
	span_end   integer NOT NULL,
	value      text NOT NULL,
	PRIMARY KEY (article, ord)
);

CREATE TABLE quotes (
	article       bigint NOT NULL REFERENCES articles(seq),
	ord           integer NOT NULL,
	text          text NOT NULL,
	span_start    integer NOT NULL,
	span_end      integer NOT NULL,
	speaker       text NOT NULL,
	speaker_actor text COLLATE "C" NOT NULL,
	PRIMARY KEY (article, ord)
);

CREATE TABLE counts (
	article    bigint NOT NULL REFERENCES articles(seq),
	ord        integer NOT NULL,
	type       text NOT NULL,
	number     bigint NOT NULL,
	qualifier  text NOT NULL,
	object     text NOT NULL,
	span_start integer NOT NULL,
	span_end   integer NOT NULL,
	PRIMARY KEY (article, ord)
);
CREATE INDEX counts_type ON counts(type);

-- What khaldun watch remembers between polls (see sqlite 0004).
CREATE TABLE feeds (
	url           text PRIMARY KEY,
	etag          text NOT NULL DEFAULT '',
	last_modified text NOT NULL DEFAULT '',
	status        integer NOT NULL DEFAULT 0,
	polled        text NOT NULL
);
CREATE TABLE feed_items (
	key     text PRIMARY KEY,
	feed    text NOT NULL,
	status  integer NOT NULL,
	article text NOT NULL DEFAULT '',
	fetched text NOT NULL
);
