-- Near-duplicate articles: a MinHash sketch per article, its LSH band keys
-- as an index from which candidates are found, and the links verified.

ALTER TABLE articles ADD COLUMN sketch BLOB; -- NULL: too short to compare
-- The earliest stored article this one copies; NULL when original.
ALTER TABLE articles ADD COLUMN duplicate_of INTEGER REFERENCES articles(seq);
-- Who an event's NumSources counts this article as: its outlet, or the
-- outlet of the article it copies. Articles stored before this version had
-- no duplicates, so their outlet is right.
ALTER TABLE articles ADD COLUMN source_key TEXT NOT NULL DEFAULT '';
UPDATE articles SET source_key = CASE WHEN source <> '' THEN lower(source) ELSE id END;

CREATE TABLE article_bands (
	key     INTEGER NOT NULL,
	article INTEGER NOT NULL REFERENCES articles(seq),
	PRIMARY KEY (key, article)
) WITHOUT ROWID;

CREATE TABLE duplicates (
	a          INTEGER NOT NULL REFERENCES articles(seq),
	b          INTEGER NOT NULL REFERENCES articles(seq),
	similarity REAL    NOT NULL,
	PRIMARY KEY (a, b),
	CHECK (a < b)
) WITHOUT ROWID;
CREATE INDEX duplicates_b ON duplicates(b);
