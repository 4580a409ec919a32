-- The search no longer walks the longest items (the head levels find what that walk found, at a
-- fraction of the reads), so nothing reads these indexes; every indexed item paid for them.
DROP INDEX agenda_item_search_length;
DROP INDEX agenda_item_text_search_length;
