import type { AgendaItemCreate } from "../../src/core/agenda/agenda-item.schema.ts";
import { createAgendaItem } from "../../src/core/agenda/agenda-items.ts";
import type { MeetingCreate } from "../../src/core/meetings/meeting.schema.ts";
import { createMeeting } from "../../src/core/meetings/meetings.ts";
import { createOrganization } from "../../src/core/organizations/organizations.ts";
import { createPerson } from "../../src/core/people/people.ts";
import {
  type Actor,
  anonymousReader,
  type Context,
  type OrganizationRole,
  systemActor,
} from "../../src/core/shared/context.ts";
import type { Database } from "../../src/platform/db/database.ts";

/**
 * Factories that build what they need: a meeting makes its body, an item its meeting. They write
 * as the administrator (`systemActor`), who may prepare for every body.
 */
export const secretariat = (db: Database): Context => ({ db, actor: systemActor });
export const publicReader = (db: Database): Context => ({ db, actor: anonymousReader });

/** A signed-in actor with the given role per organisation id, as a session or token would make. */
function actorWithRoles(roles: Record<string, OrganizationRole>, id = "test-user"): Actor {
  return { id, authenticated: true, administrator: false, roles, user: null };
}

/** A context acting with the given roles. */
export const withRoles = (db: Database, roles: Record<string, OrganizationRole>): Context => ({
  db,
  actor: actorWithRoles(roles),
});

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}`;

export function makeOrganization(db: Database, name = unique("Udvalg")) {
  return createOrganization(secretariat(db), { name, kind: "committee" });
}

export function makePerson(db: Database, name = unique("Person")) {
  return createPerson(secretariat(db), { name });
}

export async function makeMeeting(db: Database, input: Partial<MeetingCreate> = {}) {
  const organizationId = input.organizationId ?? (await makeOrganization(db)).id;
  return createMeeting(secretariat(db), {
    title: unique("Møde"),
    start: "2021-01-22T10:00:00+01:00",
    ...input,
    organizationId,
  });
}

export async function makeAgendaItem(db: Database, input: Partial<AgendaItemCreate> = {}) {
  const meetingId = input.meetingId ?? (await makeMeeting(db)).id;
  return createAgendaItem(secretariat(db), {
    number: String(++counter),
    title: unique("Punkt"),
    ...input,
    meetingId,
  });
}

/** Row counts of every record table: equal before and after a failed write. */
export async function countRows(db: Database): Promise<Record<string, number>> {
  const { recordTables } = await import("../../src/core/archive/record-tables.ts");
  const counts: Record<string, number> = {};
  for (const table of recordTables) {
    const [row] = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`);
    counts[table] = row?.count ?? 0;
  }
  return counts;
}
