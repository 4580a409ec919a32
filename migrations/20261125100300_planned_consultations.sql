-- A body's planned treatments (a meeting page's "cases planned for this meeting", the workspace's
-- cases awaiting an agenda) read from their own rows instead of every consultation without an item.
CREATE INDEX consultations_planned ON consultations (organization_id, planned_date) WHERE agenda_item_id IS NULL;
