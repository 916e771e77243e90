-- Aggregates by actor code read from indexes alone. GET /api/actors
-- groups every event by source and by target code, GET /api/network by
-- the dyad, and a time series or network filtered by an actor prefix sums
-- the mentions and Goldstein scores of its events by date: through the
-- one-column indexes of 0001 each event costs a lookup of its wide row
-- (seconds for /api/actors on the 15,000 AllSides articles, 160k events).
-- These indexes carry the columns those queries read, in an order that
-- lets the dyad and per-code groupings follow the index.
--
-- They replace events_source and events_target, of which they are
-- extensions. The price is on writes: an event's num_mentions changes
-- with each new mention and must be moved in both indexes.
CREATE INDEX events_source_cover ON events(source_code, target_code, date, num_mentions, goldstein,
	root, quad_class, source_country, target_country);
CREATE INDEX events_target_cover ON events(target_code, source_code, date, num_mentions, goldstein,
	root, quad_class, source_country, target_country);
DROP INDEX events_source;
DROP INDEX events_target;

-- The texts actors were found as, once per (side, text, code) with the
-- number of mentions: GET /api/actors?q= matches q inside these texts,
-- which otherwise means lower-casing the actor texts of every mention
-- (230k on the AllSides corpus, 0.7 s per keystroke of a search box)
-- where there are some 30k distinct ones. Side is 1 for sources, 2 for
-- targets. Kept by triggers, as the rollup is, for any writer of the file.
CREATE TABLE actor_names (
	side     INTEGER NOT NULL,
	text     TEXT    NOT NULL,
	code     TEXT    NOT NULL,
	mentions INTEGER NOT NULL,
	PRIMARY KEY (side, text, code)
) WITHOUT ROWID;

CREATE TRIGGER mentions_actor_names_insert AFTER INSERT ON mentions BEGIN
	INSERT INTO actor_names VALUES (1, new.source_text, new.source_code, 1)
		ON CONFLICT DO UPDATE SET mentions = mentions + 1;
	INSERT INTO actor_names SELECT 2, new.target_text, new.target_code, 1
		WHERE new.target_code IS NOT NULL AND new.target_text IS NOT NULL
		ON CONFLICT DO UPDATE SET mentions = mentions + 1;
END;
CREATE TRIGGER mentions_actor_names_delete AFTER DELETE ON mentions BEGIN
	UPDATE actor_names SET mentions = mentions - 1
		WHERE (side = 1 AND text = old.source_text AND code = old.source_code)
		   OR (side = 2 AND text = old.target_text AND code = old.target_code);
	DELETE FROM actor_names WHERE mentions <= 0
		AND ((side = 1 AND text = old.source_text AND code = old.source_code)
		  OR (side = 2 AND text = old.target_text AND code = old.target_code));
END;
-- Mentions are not updated by khaldun; a hand edit of an actor moves it.
CREATE TRIGGER mentions_actor_names_update AFTER UPDATE OF source_text, source_code, target_text, target_code ON mentions BEGIN
	UPDATE actor_names SET mentions = mentions - 1
		WHERE (side = 1 AND text = old.source_text AND code = old.source_code)
		   OR (side = 2 AND text = old.target_text AND code = old.target_code);
	DELETE FROM actor_names WHERE mentions <= 0
		AND ((side = 1 AND text = old.source_text AND code = old.source_code)
		  OR (side = 2 AND text = old.target_text AND code = old.target_code));
	INSERT INTO actor_names VALUES (1, new.source_text, new.source_code, 1)
		ON CONFLICT DO UPDATE SET mentions = mentions + 1;
	INSERT INTO actor_names SELECT 2, new.target_text, new.target_code, 1
		WHERE new.target_code IS NOT NULL AND new.target_text IS NOT NULL
		ON CONFLICT DO UPDATE SET mentions = mentions + 1;
END;

INSERT INTO actor_names SELECT 1, source_text, source_code, count(*) FROM mentions GROUP BY source_text, source_code;
INSERT INTO actor_names SELECT 2, target_text, target_code, count(*) FROM mentions
	WHERE target_code IS NOT NULL AND target_text IS NOT NULL GROUP BY target_text, target_code;
