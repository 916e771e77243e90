-- Who did what a count counts ("police firing", role COP), and each coded
-- event's own tone (its sentence's), which mentions did not keep: an
-- article read back lost them. Rows stored before this read back as a
-- count without an agent and an event of tone 0, which is what a
-- document without them says.
ALTER TABLE counts ADD COLUMN agent       TEXT    NOT NULL DEFAULT '';
ALTER TABLE counts ADD COLUMN agent_start INTEGER;  -- NULL: no agent span
ALTER TABLE counts ADD COLUMN agent_end   INTEGER;
ALTER TABLE counts ADD COLUMN agent_role  TEXT    NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN tone      REAL    NOT NULL DEFAULT 0;
