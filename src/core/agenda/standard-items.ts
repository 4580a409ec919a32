import type { Database, Queryable } from "../../platform/db/database.ts";
import { danishDateOf, danishDateText } from "../../platform/time.ts";
import type { Context } from "../shared/context.ts";
import { type ChangeNote, changeAgenda, insertItem, itemsInOrder } from "./agenda-builder.ts";
import { agendaItemTable } from "./agenda-items.ts";
import { readAgendaSettings, type StandardItem } from "./agenda-settings.ts";
import type { LockedMeeting } from "./preparation.ts";

/**
 * The standard items fill themselves from the record: "Godkendelse af referat" links the previous
 * meeting's minutes, "Kommende møder" lists the calendar, "Punkter til næste møde" the cases planned
 * for the body's next meeting. Filling again refreshes them and puts them back in their places.
 */

/** The calendar looks this far ahead for "Kommende møder". */
const COMING_MEETINGS_MONTHS = 12;

interface CalendarMeeting {
  id: string;
  start: Date;
  allDay: boolean;
  location: string | null;
}

const purposeText: Record<string, string> = {
  information: "til orientering",
  discussion: "til drøftelse",
  decision: "til beslutning",
};

async function previousMeeting(tx: Queryable, meeting: LockedMeeting): Promise<CalendarMeeting | undefined> {
  const [previous] = await tx.query<CalendarMeeting>(
    `SELECT id, start_at AS start, all_day AS "allDay", location FROM meetings
     WHERE organization_id = $1 AND start_at < $2 AND state <> 'cancelled' AND id <> $3
     ORDER BY start_at DESC, id DESC LIMIT 1`,
    [meeting.organizationId, meeting.start, meeting.id],
  );
  return previous;
}

async function comingMeetings(tx: Queryable, meeting: LockedMeeting): Promise<CalendarMeeting[]> {
  return tx.query<CalendarMeeting>(
    `SELECT id, start_at AS start, all_day AS "allDay", location FROM meetings
     WHERE organization_id = $1 AND start_at > $2 AND state <> 'cancelled' AND id <> $3
       AND start_at < $2::timestamptz + make_interval(months => ${COMING_MEETINGS_MONTHS})
     ORDER BY start_at, id`,
    [meeting.organizationId, meeting.start, meeting.id],
  );
}

/** Cases planned for the body after this meeting, up to and including its next meeting. */
async function casesForNextMeeting(
  tx: Queryable,
  meeting: LockedMeeting,
  next: CalendarMeeting | undefined,
): Promise<{ title: string; reference: string | null; purpose: string }[]> {
  return tx.query(
    `SELECT k.title, k.reference, c.purpose FROM consultations c JOIN cases k ON k.id = c.case_id
     WHERE c.organization_id = $1 AND c.agenda_item_id IS NULL
       AND c.planned_date > $2::date AND ($3::date IS NULL OR c.planned_date <= $3::date)
     ORDER BY c.planned_date, k.title`,
    [meeting.organizationId, danishDateOf(meeting.start), next ? danishDateOf(next.start) : null],
  );
}

const when = (m: CalendarMeeting) => danishDateText(m.start, { withTime: !m.allDay });

/** The title and generated text of one standard item for this meeting. */
async function contentOf(
  tx: Queryable,
  meeting: LockedMeeting,
  standard: StandardItem,
): Promise<{ title: string; casePresentation?: string; recommendation?: string }> {
  switch (standard.kind) {
    case "approve_agenda":
      return { title: standard.title, recommendation: "Det indstilles, at dagsordenen godkendes." };
    case "approve_minutes": {
      const previous = await previousMeeting(tx, meeting);
      if (!previous) {
        return { title: standard.title, casePresentation: "Der er intet tidligere møde i kalenderen." };
      }
      const date = danishDateText(previous.start, { short: true });
      return {
        title: `${standard.title} fra mødet den ${date}`,
        recommendation: "Det indstilles, at referatet godkendes.",
        casePresentation: `Referatet fra mødet den ${date}: [referat af mødet ${date}](/moeder/${previous.id})`,
      };
    }
    case "coming_meetings": {
      const coming = await comingMeetings(tx, meeting);
      const lines = coming.map((m) => `- ${when(m)}${m.location ? `, ${m.location}` : ""}`);
      return {
        title: standard.title,
        casePresentation: lines.length ? lines.join("\n") : "Der er ikke planlagt flere møder.",
      };
    }
    case "next_meeting_items": {
      const [next] = await comingMeetings(tx, meeting);
      const cases = await casesForNextMeeting(tx, meeting, next);
      const heading = next ? `Til mødet ${when(next)} er planlagt:` : "Til næste møde er planlagt:";
      const lines = cases.map(
        (c) =>
          `- ${c.title}${c.reference ? ` (${c.reference})` : ""}, ${purposeText[c.purpose] ?? c.purpose}`,
      );
      return {
        title: standard.title,
        casePresentation: lines.length
          ? `${heading}\n\n${lines.join("\n")}`
          : "Der er endnu ikke planlagt sager til næste møde.",
      };
    }
    default:
      return { title: standard.title };
  }
}

/** Adds the missing standard items, refreshes the rest and puts them in their places. */
export async function applyStandardItems(tx: Database, meeting: LockedMeeting, actor: string): Promise<void> {
  const settings = await readAgendaSettings(tx, meeting.organizationId);
  const existing = await tx.query<{
    id: string;
    title: string;
    standardKind: string | null;
    recommendation: string | null;
  }>(
    `SELECT id, title, standard_kind AS "standardKind", recommendation FROM agenda_items
     WHERE meeting_id = $1 AND standard_kind IS NOT NULL`,
    [meeting.id],
  );
  const standardIds = new Map<StandardItem, string>();
  for (const standard of settings.standardItems) {
    const content = await contentOf(tx, meeting, standard);
    const found = existing.find((item) =>
      standard.kind === "custom"
        ? item.standardKind === "custom" && item.title === standard.title
        : item.standardKind === standard.kind,
    );
    if (found) {
      await agendaItemTable.update(
        tx,
        found.id,
        {
          title: content.title,
          casePresentation: content.casePresentation,
          // A recommendation the secretariat wrote is theirs; only an empty one is filled.
          recommendation: found.recommendation ? undefined : content.recommendation,
        },
        actor,
      );
      standardIds.set(standard, found.id);
    } else {
      const id = await insertItem(
        tx,
        meeting,
        {
          title: content.title,
          isPublic: true,
          recommendation: content.recommendation ?? null,
          casePresentation: content.casePresentation ?? null,
          standardKind: standard.kind,
        },
        actor,
      );
      standardIds.set(standard, id);
    }
  }
  const startIds = settings.standardItems
    .filter((s) => s.placement === "start")
    .map((s) => standardIds.get(s));
  const endIds = settings.standardItems.filter((s) => s.placement === "end").map((s) => standardIds.get(s));
  const placed = new Set([...startIds, ...endIds]);
  const middle = (await itemsInOrder(tx, meeting.id)).map((item) => item.id).filter((id) => !placed.has(id));
  const order = [...startIds, ...middle, ...endIds].filter((id): id is string => id !== undefined);
  for (const [position, id] of order.entries()) {
    await tx.query("UPDATE agenda_items SET position = $2 WHERE id = $1", [id, position]);
  }
}

export function fillStandardItems(ctx: Context, meetingId: string, change: ChangeNote = {}): Promise<void> {
  return changeAgenda(ctx, meetingId, change, (tx, meeting) => applyStandardItems(tx, meeting, ctx.actor.id));
}
