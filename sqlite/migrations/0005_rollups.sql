-- Read-side performance: indexes for the filter+sort shapes of
-- GET /api/events, and a rollup of event counts per period for
-- GET /api/timeseries, which otherwise groups every matching event on
-- each request (seconds on a corpus of 160k events).

-- quad_class=… ORDER BY num_mentions DESC read a quad class's events in
-- order and stop after a page instead of sorting the whole class.
CREATE INDEX events_quad_mentions ON events(quad_class, num_mentions);
-- root=… listings read in date order within the root; the rowid (seq)
-- ends every index, so this serves ORDER BY date, seq. (Country indexes
-- with the date were tried too and made country listings slower.)
CREATE INDEX events_root_date ON events(root, date);

-- Events, mentions and Goldstein sum per (interval, period, root, quad
-- class) for all events (country '', side 0) and once more per country an
-- event involves: side 1 as source only, 2 as target only, 3 as both, so
-- that a country filter on either side counts each event once. Periods are
-- those of Store.Timeseries: the day itself, the Monday of its ISO week,
-- the month. Undated events ('') and days SQLite cannot read (no week) are
-- left out, as the time series leaves them out. Rows whose events fall to
-- 0 (events deleted) are kept and skipped by readers.
CREATE TABLE event_rollup (
	interval   TEXT    NOT NULL, -- 'day', 'week', 'month'
	country    TEXT    NOT NULL,
	period     TEXT    NOT NULL,
	root       TEXT    NOT NULL,
	quad_class INTEGER NOT NULL,
	side       INTEGER NOT NULL,
	events     INTEGER NOT NULL,
	mentions   INTEGER NOT NULL,
	goldstein  REAL    NOT NULL,
	PRIMARY KEY (interval, country, period, root, quad_class, side)
) WITHOUT ROWID;

-- Writing to this view adds a delta of one event's key to every rollup
-- row it belongs to: the fan-out is written once, here, and the triggers
-- on events only say what changed.
CREATE VIEW event_rollup_delta (date, root, quad_class, source_country, target_country, events, mentions, goldstein)
	AS SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;
CREATE TRIGGER event_rollup_delta_insert INSTEAD OF INSERT ON event_rollup_delta BEGIN
	INSERT INTO event_rollup (interval, country, period, root, quad_class, side, events, mentions, goldstein)
		SELECT i.interval, c.country, i.period, new.root, new.quad_class, c.side, new.events, new.mentions, new.goldstein
		FROM (SELECT 'day' AS interval, new.date AS period
			UNION ALL SELECT 'week', date(new.date, '-' || ((CAST(strftime('%w', new.date) AS INTEGER) + 6) % 7) || ' days')
			UNION ALL SELECT 'month', substr(new.date, 1, 7)) i,
		     (SELECT '' AS country, 0 AS side
			UNION ALL SELECT new.source_country, CASE WHEN new.source_country = new.target_country THEN 3 ELSE 1 END
				WHERE new.source_country <> ''
			UNION ALL SELECT new.target_country, 2
				WHERE new.target_country <> '' AND new.target_country IS NOT new.source_country) c
		WHERE new.date >= '0000-00-00' AND i.period IS NOT NULL
		ON CONFLICT DO UPDATE SET events = events + excluded.events,
			mentions = mentions + excluded.mentions, goldstein = goldstein + excluded.goldstein;
END;

-- Triggers rather than the store's insert code, so that every writer to
-- the file (an older khaldun still running, a repair by hand) keeps the
-- rollup in step with events in the same transaction.
CREATE TRIGGER events_rollup_insert AFTER INSERT ON events BEGIN
	INSERT INTO event_rollup_delta VALUES (new.date, new.root, new.quad_class, new.source_country, new.target_country,
		1, new.num_mentions, new.goldstein);
END;
-- The common update: a mention added to a known event changes only
-- num_mentions, one delta on the same rows.
CREATE TRIGGER events_rollup_count AFTER UPDATE OF num_mentions, goldstein ON events
	WHEN new.date IS old.date AND new.root IS old.root AND new.quad_class IS old.quad_class
		AND new.source_country IS old.source_country AND new.target_country IS old.target_country
		AND (new.num_mentions IS NOT old.num_mentions OR new.goldstein IS NOT old.goldstein) BEGIN
	INSERT INTO event_rollup_delta VALUES (new.date, new.root, new.quad_class, new.source_country, new.target_country,
		0, new.num_mentions - old.num_mentions, new.goldstein - old.goldstein);
END;
-- Any change of key moves the event: out of the old rows, into the new.
CREATE TRIGGER events_rollup_move AFTER UPDATE OF date, root, quad_class, source_country, target_country ON events
	WHEN new.date IS NOT old.date OR new.root IS NOT old.root OR new.quad_class IS NOT old.quad_class
		OR new.source_country IS NOT old.source_country OR new.target_country IS NOT old.target_country BEGIN
	INSERT INTO event_rollup_delta VALUES (old.date, old.root, old.quad_class, old.source_country, old.target_country,
		-1, -old.num_mentions, -old.goldstein);
	INSERT INTO event_rollup_delta VALUES (new.date, new.root, new.quad_class, new.source_country, new.target_country,
		1, new.num_mentions, new.goldstein);
END;
CREATE TRIGGER events_rollup_delete AFTER DELETE ON events BEGIN
	INSERT INTO event_rollup_delta VALUES (old.date, old.root, old.quad_class, old.source_country, old.target_country,
		-1, -old.num_mentions, -old.goldstein);
END;

-- Backfill, grouped first so that the fan-out runs once per distinct key.
INSERT INTO event_rollup_delta
	SELECT date, root, quad_class, source_country, target_country, count(*), sum(num_mentions), sum(goldstein)
	FROM events GROUP BY date, root, quad_class, source_country, target_country;
