-- Who did what a count counts ("police firing", role COP), and each coded
-- event's own tone (its sentence's), which mentions did not keep (see
-- sqlite 0011). Older rows read back without an agent and with tone 0.
ALTER TABLE counts
	ADD COLUMN agent       text NOT NULL DEFAULT '',
	ADD COLUMN agent_start integer,  -- NULL: no agent span
	ADD COLUMN agent_end   integer,
	ADD COLUMN agent_role  text NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN tone double precision NOT NULL DEFAULT 0;
