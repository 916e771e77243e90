-- Events, mentions and Goldstein sum per dyad: source and target code and
-- country, root and quad class. GET /api/network groups the events of a
-- country or an actor prefix by dyad, and GET /api/actors every event by
-- code; on the 15,000 AllSides articles that is up to 100k events read
-- and sorted per request (0.1-0.5 s), where the dyads are some 30k rows
-- kept in the order those groupings want. Filters on dates, places or
-- text are not in it; those requests still group the events.
--
-- An event without a target has target_code and target_country '' and
-- has_target 0: key columns of a WITHOUT ROWID table cannot be NULL, and
-- '' matches no code prefix or country, as NULL does not. Rows whose
-- events fall to 0 are deleted, so that every row is a dyad with events.
CREATE TABLE event_dyads (
	source_code    TEXT    NOT NULL,
	target_code    TEXT    NOT NULL,
	has_target     INTEGER NOT NULL,
	source_country TEXT    NOT NULL,
	target_country TEXT    NOT NULL,
	root           TEXT    NOT NULL,
	quad_class     INTEGER NOT NULL,
	events         INTEGER NOT NULL,
	mentions       INTEGER NOT NULL,
	goldstein      REAL    NOT NULL,
	PRIMARY KEY (source_code, target_code, has_target, source_country, target_country, root, quad_class)
) WITHOUT ROWID;
-- Actors groups by target code too, and a target prefix seeks here.
CREATE INDEX event_dyads_target ON event_dyads(target_code, has_target, target_country, events, mentions);

-- As event_rollup_delta (0005): writing a delta of one event here adds it
-- to its dyad, so the triggers on events only say what changed.
CREATE VIEW event_dyads_delta (source_code, target_code, source_country, target_country, root, quad_class,
	events, mentions, goldstein)
	AS SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;
CREATE TRIGGER event_dyads_delta_insert INSTEAD OF INSERT ON event_dyads_delta BEGIN
	INSERT INTO event_dyads VALUES (new.source_code, coalesce(new.target_code, ''), new.target_code IS NOT NULL,
		new.source_country, coalesce(new.target_country, ''), new.root, new.quad_class,
		new.events, new.mentions, new.goldstein)
		ON CONFLICT DO UPDATE SET events = events + excluded.events,
			mentions = mentions + excluded.mentions, goldstein = goldstein + excluded.goldstein;
	-- Only a removal can empty a dyad; the common deltas skip the look.
	DELETE FROM event_dyads WHERE new.events < 0 AND events <= 0
		AND source_code = new.source_code AND target_code = coalesce(new.target_code, '')
		AND has_target = (new.target_code IS NOT NULL) AND source_country = new.source_country
		AND target_country = coalesce(new.target_country, '') AND root = new.root AND quad_class = new.quad_class;
END;

-- Triggers rather than the store's insert code, as for event_rollup, so
-- that every writer of the file keeps the dyads exact.
CREATE TRIGGER events_dyads_insert AFTER INSERT ON events BEGIN
	INSERT INTO event_dyads_delta VALUES (new.source_code, new.target_code, new.source_country, new.target_country,
		new.root, new.quad_class, 1, new.num_mentions, new.goldstein);
END;
CREATE TRIGGER events_dyads_count AFTER UPDATE OF num_mentions, goldstein ON events
	WHEN new.source_code IS old.source_code AND new.target_code IS old.target_code
		AND new.source_country IS old.source_country AND new.target_country IS old.target_country
		AND new.root IS old.root AND new.quad_class IS old.quad_class
		AND (new.num_mentions IS NOT old.num_mentions OR new.goldstein IS NOT old.goldstein) BEGIN
	INSERT INTO event_dyads_delta VALUES (new.source_code, new.target_code, new.source_country, new.target_country,
		new.root, new.quad_class, 0, new.num_mentions - old.num_mentions, new.goldstein - old.goldstein);
END;
CREATE TRIGGER events_dyads_move AFTER UPDATE OF source_code, target_code, source_country, target_country, root, quad_class ON events
	WHEN new.source_code IS NOT old.source_code OR new.target_code IS NOT old.target_code
		OR new.source_country IS NOT old.source_country OR new.target_country IS NOT old.target_country
		OR new.root IS NOT old.root OR new.quad_class IS NOT old.quad_class BEGIN
	INSERT INTO event_dyads_delta VALUES (old.source_code, old.target_code, old.source_country, old.target_country,
		old.root, old.quad_class, -1, -old.num_mentions, -old.goldstein);
	INSERT INTO event_dyads_delta VALUES (new.source_code, new.target_code, new.source_country, new.target_country,
		new.root, new.quad_class, 1, new.num_mentions, new.goldstein);
END;
CREATE TRIGGER events_dyads_delete AFTER DELETE ON events BEGIN
	INSERT INTO event_dyads_delta VALUES (old.source_code, old.target_code, old.source_country, old.target_country,
		old.root, old.quad_class, -1, -old.num_mentions, -old.goldstein);
END;

INSERT INTO event_dyads
	SELECT source_code, coalesce(target_code, ''), target_code IS NOT NULL, source_country, coalesce(target_country, ''),
		root, quad_class, count(*), sum(num_mentions), sum(goldstein)
	FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- Events, mentions and Goldstein sum per actor code prefix of 3 and of 6
-- characters (a country, a country and its sector: USA, USAGOV), per date,
-- week and month of the events, root and quad class: GET
-- /api/timeseries?actor= otherwise groups every event of the prefix by
-- date (USA: 96k of 168k AllSides events, 0.1-0.4 s), where a prefix has
-- a few rows per day, fewer per week and month. Codes are runs of
-- 3-character parts, so these two lengths are the prefixes people filter
-- by; other lengths group the events.
--
-- Side says where the prefix is in the event, as in event_rollup: 1 the
-- source only, 2 the target only, 3 both, so that an event of USAGOV
-- against USAMIL counts once for USA. Only dates a series counts (0008)
-- have rows: interval 'date' has the event's date itself, a day or a
-- month, which day series and any date range read; 'week' (Mondays, of
-- the days) and 'month' (of both) serve the series of all dates. Rows
-- whose events fall to 0 are kept and skipped by readers.
CREATE TABLE actor_rollup (
	prefix     TEXT    NOT NULL,
	interval   TEXT    NOT NULL, -- 'date', 'week', 'month'
	period     TEXT    NOT NULL,
	root       TEXT    NOT NULL,
	quad_class INTEGER NOT NULL,
	side       INTEGER NOT NULL,
	events     INTEGER NOT NULL,
	mentions   INTEGER NOT NULL,
	goldstein  REAL    NOT NULL,
	PRIMARY KEY (prefix, interval, period, root, quad_class, side)
) WITHOUT ROWID;

CREATE VIEW actor_rollup_delta (date, source_code, target_code, root, quad_class, events, mentions, goldstein)
	AS SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;
CREATE TRIGGER actor_rollup_delta_insert INSTEAD OF INSERT ON actor_rollup_delta
	WHEN new.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' OR new.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' BEGIN
	INSERT INTO actor_rollup (prefix, interval, period, root, quad_class, side, events, mentions, goldstein)
		SELECT p.prefix, i.interval, i.period, new.root, new.quad_class, p.side, new.events, new.mentions, new.goldstein
		FROM (SELECT prefix, sum(side) AS side FROM (
				SELECT substr(new.source_code, 1, 3) AS prefix, 1 AS side WHERE length(new.source_code) >= 3
				UNION ALL SELECT substr(new.source_code, 1, 6), 1 WHERE length(new.source_code) >= 6
				UNION ALL SELECT substr(new.target_code, 1, 3), 2 WHERE length(new.target_code) >= 3
				UNION ALL SELECT substr(new.target_code, 1, 6), 2 WHERE length(new.target_code) >= 6)
			GROUP BY prefix) p,
		     (SELECT 'date' AS interval, new.date AS period
			UNION ALL SELECT 'week', date(new.date, '-' || ((CAST(strftime('%w', new.date) AS INTEGER) + 6) % 7) || ' days')
				WHERE length(new.date) = 10
			UNION ALL SELECT 'month', substr(new.date, 1, 7)) i
		WHERE i.period IS NOT NULL
		ON CONFLICT DO UPDATE SET events = events + excluded.events,
			mentions = mentions + excluded.mentions, goldstein = goldstein + excluded.goldstein;
END;

CREATE TRIGGER events_actor_rollup_insert AFTER INSERT ON events BEGIN
	INSERT INTO actor_rollup_delta VALUES (new.date, new.source_code, new.target_code, new.root, new.quad_class,
		1, new.num_mentions, new.goldstein);
END;
CREATE TRIGGER events_actor_rollup_count AFTER UPDATE OF num_mentions, goldstein ON events
	WHEN new.date IS old.date AND new.source_code IS old.source_code AND new.target_code IS old.target_code
		AND new.root IS old.root AND new.quad_class IS old.quad_class
		AND (new.num_mentions IS NOT old.num_mentions OR new.goldstein IS NOT old.goldstein) BEGIN
	INSERT INTO actor_rollup_delta VALUES (new.date, new.source_code, new.target_code, new.root, new.quad_class,
		0, new.num_mentions - old.num_mentions, new.goldstein - old.goldstein);
END;
CREATE TRIGGER events_actor_rollup_move AFTER UPDATE OF date, source_code, target_code, root, quad_class ON events
	WHEN new.date IS NOT old.date OR new.source_code IS NOT old.source_code OR new.target_code IS NOT old.target_code
		OR new.root IS NOT old.root OR new.quad_class IS NOT old.quad_class BEGIN
	INSERT INTO actor_rollup_delta VALUES (old.date, old.source_code, old.target_code, old.root, old.quad_class,
		-1, -old.num_mentions, -old.goldstein);
	INSERT INTO actor_rollup_delta VALUES (new.date, new.source_code, new.target_code, new.root, new.quad_class,
		1, new.num_mentions, new.goldstein);
END;
CREATE TRIGGER events_actor_rollup_delete AFTER DELETE ON events BEGIN
	INSERT INTO actor_rollup_delta VALUES (old.date, old.source_code, old.target_code, old.root, old.quad_class,
		-1, -old.num_mentions, -old.goldstein);
END;

-- Backfill, grouped first so that the fan-out runs once per distinct key.
INSERT INTO actor_rollup_delta
	SELECT date, source_code, target_code, root, quad_class, count(*), sum(num_mentions), sum(goldstein)
	FROM events GROUP BY date, source_code, target_code, root, quad_class;
