-- Canvas notes and pilots carry attachments too (owner_type 'note' and 'pilot'); their rows go
-- with the record, as a project's do (0007). A pilot deleted with its project fires its trigger
-- too, since SQLite runs delete triggers for rows a foreign-key cascade removes.
CREATE TRIGGER attachments_follow_note AFTER DELETE ON canvas_notes
BEGIN DELETE FROM attachments WHERE owner_type = 'note' AND owner_id = OLD.id; END;

CREATE TRIGGER attachments_follow_pilot AFTER DELETE ON pilots
BEGIN DELETE FROM attachments WHERE owner_type = 'pilot' AND owner_id = OLD.id; END;
