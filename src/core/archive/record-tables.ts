/**
 * Every table of the record, parents before children: the order in which a restore inserts.
 * A test checks that this list names every table the migrations create, so a new table cannot
 * silently drop out of exports.
 */
export const recordTables = [
  "organizations",
  "people",
  "person_affiliations",
  "legislative_terms",
  "meetings",
  "meeting_attendance",
  "cases",
  "agenda_items",
  "agenda_item_presenters",
  "memberships",
  "consultations",
  "files",
  "review_flags",
] as const;

/**
 * Tables that are bookkeeping or derived, not record: the search rows are rebuilt by triggers when
 * a restore inserts the items and files.
 */
export const nonRecordTables = [
  "schema_migrations",
  "agenda_item_search",
  "agenda_item_text_search",
  "agenda_item_terms",
] as const;
