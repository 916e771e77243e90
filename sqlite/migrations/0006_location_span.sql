-- An aggregate event's location as its first mention found it: the place
-- as written and its byte span in that mention's article, next to the
-- resolved name and coordinates kept since 0001. The mentions' own
-- locations (JSON) had them all along; events stored before this version
-- take them from their first located mention.
ALTER TABLE events ADD COLUMN loc_text TEXT;
ALTER TABLE events ADD COLUMN loc_start INTEGER;
ALTER TABLE events ADD COLUMN loc_end INTEGER;
UPDATE events SET (loc_text, loc_start, loc_end) = (
	SELECT json_extract(m.location, '$.text'), json_extract(m.location, '$.span[0]'),
		json_extract(m.location, '$.span[1]')
	FROM mentions m WHERE m.event = events.seq AND m.location IS NOT NULL ORDER BY m.seq LIMIT 1)
WHERE loc_name IS NOT NULL;
