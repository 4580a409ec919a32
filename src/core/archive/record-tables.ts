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
  "agenda_item_conflicts",
  "memberships",
  "consultations",
  "files",
  "review_flags",
  "publications",
  "users",
  "user_roles",
  "agenda_settings",
  "standard_agenda_items",
  "deleted_records",
  "record_departures",
] as const;

/**
 * Tables that are bookkeeping, secrets or derived, not record. Password hashes, sessions and API
 * tokens never leave the database: after a restore, users get a new password (`samraad user
 * reset`). The search rows are rebuilt by triggers when a restore inserts the items and files.
 */
export const nonRecordTables = [
  "schema_migrations",
  "user_passwords",
  "sessions",
  "api_tokens",
  "login_failures",
  "form_submissions",
  "agenda_item_search",
  "agenda_item_text_search",
  "agenda_item_terms",
] as const;
