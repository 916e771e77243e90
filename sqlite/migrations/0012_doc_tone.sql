-- The article's own tone as its document says it (khaldun.Article.Tone,
-- the mean of its sentences' tones), which the store lost: the tone
-- column holds khaldun.Coded.Tone, the value the aggregates average,
-- which a caller may leave unset. Rows stored before this keep NULL and
-- read back with tone 0, as they did.
ALTER TABLE articles ADD COLUMN doc_tone REAL;
