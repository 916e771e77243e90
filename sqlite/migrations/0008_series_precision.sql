-- Event dates are as precise as the text: a day (2016-03-15), a month
-- (2016-03), a week (2016-W05), a quarter or season (2016-Q1, 2016-SU), a
-- year (2016). The rollup of 0005 took every one of them for a day, and
-- SQLite's date() reads a bare year as a Julian day number, so a year
-- became a week of 4707 BC. A period now takes only the dates precise
-- enough for it: days and weeks the full days, months the days and the
-- months. The same rule is khaldun.SeriesPeriod, which the other stores
-- and eventSeries apply.
DROP TRIGGER event_rollup_delta_insert;
CREATE TRIGGER event_rollup_delta_insert INSTEAD OF INSERT ON event_rollup_delta BEGIN
	INSERT INTO event_rollup (interval, country, period, root, quad_class, side, events, mentions, goldstein)
		SELECT i.interval, c.country, i.period, new.root, new.quad_class, c.side, new.events, new.mentions, new.goldstein
		FROM (SELECT 'day' AS interval, new.date AS period
				WHERE new.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
			UNION ALL SELECT 'week', date(new.date, '-' || ((CAST(strftime('%w', new.date) AS INTEGER) + 6) % 7) || ' days')
				WHERE new.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
			UNION ALL SELECT 'month', substr(new.date, 1, 7)
				WHERE new.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' OR new.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') i,
		     (SELECT '' AS country, 0 AS side
			UNION ALL SELECT new.source_country, CASE WHEN new.source_country = new.target_country THEN 3 ELSE 1 END
				WHERE new.source_country <> ''
			UNION ALL SELECT new.target_country, 2
				WHERE new.target_country <> '' AND new.target_country IS NOT new.source_country) c
		WHERE i.period IS NOT NULL
		ON CONFLICT DO UPDATE SET events = events + excluded.events,
			mentions = mentions + excluded.mentions, goldstein = goldstein + excluded.goldstein;
END;

-- Rebuilt from the events, as 0005 built it.
DELETE FROM event_rollup;
INSERT INTO event_rollup_delta
	SELECT date, root, quad_class, source_country, target_country, count(*), sum(num_mentions), sum(goldstein)
	FROM events GROUP BY date, root, quad_class, source_country, target_country;
