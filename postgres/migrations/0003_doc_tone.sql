-- The article's own tone as its document says it (see sqlite 0012): the
-- tone column holds khaldun.Coded.Tone for the aggregates. Older rows
-- keep NULL and read back with tone 0.
ALTER TABLE articles ADD COLUMN doc_tone double precision;
