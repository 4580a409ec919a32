import { createLegislativeTerm } from "../core/legislative-terms/legislative-terms.ts";
import { createMeeting } from "../core/meetings/meetings.ts";
import { createMembership, updateMembership } from "../core/memberships/memberships.ts";
import { createOrganization } from "../core/organizations/organizations.ts";
import { createPerson } from "../core/people/people.ts";
import type { Context } from "../core/shared/context.ts";
import { inTransaction } from "../core/shared/transaction.ts";
import { fromDanishLocalTime, toDanishIsoString } from "../platform/time.ts";
import * as world from "./world.data.ts";

interface DemoWorldResult {
  loaded: boolean;
  organizations: number;
  people: number;
  memberships: number;
  meetings: number;
}

const danish = (local: string) => toDanishIsoString(fromDanishLocalTime(local));

/**
 * Loads the demo world (the bodies, people, appointments and calendars the seed documents state)
 * into an empty record, in one transaction. A record that has organisations already is left alone.
 */
export async function loadDemoWorld(ctx: Context): Promise<DemoWorldResult> {
  return inTransaction(ctx, async (db) => {
    const tx = { ...ctx, db };
    const [existing] = await db.query<{ count: number }>("SELECT count(*)::int AS count FROM organizations");
    if ((existing?.count ?? 0) > 0) {
      return { loaded: false, organizations: 0, people: 0, memberships: 0, meetings: 0 };
    }
    const organizationIds = new Map<string, string>();
    const idOf = (map: Map<string, string>, key: string | null, what: string) => {
      if (key === null) return null;
      const id = map.get(key);
      if (!id) throw new Error(`demo world: unknown ${what} key ${key}`);
      return id;
    };
    // Parents first: an organisation may name a parent listed after it.
    const pending = [...world.organizations];
    while (pending.length > 0) {
      const index = pending.findIndex((o) => o.parentKey === null || organizationIds.has(o.parentKey));
      if (index === -1) throw new Error("demo world: organisations have a parent cycle");
      const [org] = pending.splice(index, 1);
      if (!org) break;
      const created = await createOrganization(tx, {
        name: org.name,
        shortName: org.shortName,
        kind: org.kind,
        parentId: idOf(organizationIds, org.parentKey, "organisation"),
        website: org.website,
        startDate: org.activeFrom ?? null,
        endDate: org.activeTo ?? null,
      });
      organizationIds.set(org.key, created.id);
    }
    const personIds = new Map<string, string>();
    for (const person of world.people) {
      const created = await createPerson(tx, {
        name: person.name,
        title: person.title,
        affiliations: person.affiliations.map((a) => ({
          position: a.position,
          organizationId: idOf(organizationIds, a.organizationKey, "organisation"),
          startDate: a.startDate,
          endDate: a.endDate,
        })),
      });
      personIds.set(person.key, created.id);
    }
    for (const term of world.legislativeTerms) {
      await createLegislativeTerm(tx, {
        organizationId: idOf(organizationIds, term.organizationKey, "organisation"),
        name: term.name,
        startDate: term.startDate,
        endDate: term.endDate,
      });
    }
    for (const m of world.memberships) {
      await createMembership(tx, {
        personId: idOf(personIds, m.personKey, "person") as string,
        organizationId: idOf(organizationIds, m.organizationKey, "organisation") as string,
        role: m.role,
        onBehalfOfId: idOf(organizationIds, m.onBehalfOfKey, "organisation"),
        startDate: m.startDate,
        endDate: m.endDate,
        principalPersonId: idOf(personIds, m.principalPersonKey, "person"),
      });
    }
    for (const meeting of world.meetings) {
      await createMeeting(tx, {
        organizationId: idOf(organizationIds, meeting.organizationKey, "organisation") as string,
        title: meeting.title,
        start: danish(meeting.start),
        end: meeting.end ? danish(meeting.end) : null,
        allDay: meeting.allDay ?? false,
        location: meeting.location,
      });
    }
    return {
      loaded: true,
      organizations: world.organizations.length,
      people: world.people.length,
      memberships: world.memberships.length,
      meetings: world.meetings.length,
    };
  });
}

/**
 * Links the appointments the seeds say were decided at an agenda item (001 item 18) to that item,
 * once the importer has brought the meeting in. Returns how many were linked.
 */
export async function linkDemoDecisions(ctx: Context): Promise<number> {
  const organizationName = new Map(world.organizations.map((o) => [o.key, o.name]));
  const personName = new Map(world.people.map((p) => [p.key, p.name]));
  let linked = 0;
  for (const m of world.memberships) {
    if (!m.decidedBy) continue;
    const [item] = await ctx.db.query<{ id: string }>(
      `SELECT i.id FROM agenda_items i JOIN meetings mt ON mt.id = i.meeting_id
       JOIN organizations o ON o.id = mt.organization_id
       WHERE o.name = $1 AND (mt.start_at AT TIME ZONE 'Europe/Copenhagen')::date = $2::date AND i.number = $3`,
      [organizationName.get(m.decidedBy.organizationKey), m.decidedBy.meetingDate, m.decidedBy.itemNumber],
    );
    const [membership] = await ctx.db.query<{ id: string }>(
      `SELECT ms.id FROM memberships ms JOIN people p ON p.id = ms.person_id
       JOIN organizations o ON o.id = ms.organization_id
       WHERE p.name = $1 AND o.name = $2 AND ms.role = $3 AND ms.start_date IS NOT DISTINCT FROM $4::date`,
      [personName.get(m.personKey), organizationName.get(m.organizationKey), m.role, m.startDate],
    );
    if (item && membership) {
      await updateMembership(ctx, membership.id, { decidedByAgendaItemId: item.id });
      linked++;
    }
  }
  return linked;
}
