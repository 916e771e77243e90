-- Full-text search over the evidence sentences of mentions, for the
-- EventFilter.Query of the HTTP API: a scan of every sentence costs
-- hundreds of milliseconds on a corpus of news, the index a few.
-- Contentless: the text is in articles.body already; rowid = mentions.seq.
CREATE VIRTUAL TABLE evidence USING fts5(text, content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2');
INSERT INTO evidence (rowid, text)
	SELECT m.seq, CAST(substr(a.body, m.sent_start + 1, m.sent_end - m.sent_start) AS TEXT)
	FROM mentions m JOIN articles a ON a.seq = m.article;
-- Triggers keep the index in step with every writer, this build's or an
-- older one still running against the file.
CREATE TRIGGER mentions_evidence_insert AFTER INSERT ON mentions BEGIN
	INSERT INTO evidence (rowid, text)
		SELECT new.seq, CAST(substr(a.body, new.sent_start + 1, new.sent_end - new.sent_start) AS TEXT)
		FROM articles a WHERE a.seq = new.article;
END;
CREATE TRIGGER mentions_evidence_delete AFTER DELETE ON mentions BEGIN
	DELETE FROM evidence WHERE rowid = old.seq;
END;
