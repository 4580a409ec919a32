import { AppError, notFound } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { danishDateOf } from "../../platform/time.ts";
import { type ChangeNote, changeAgenda, insertItem } from "../agenda/agenda-builder.ts";
import { assertMayPrepare } from "../agenda/preparation.ts";
import type { Context } from "../shared/context.ts";
import { inTransaction } from "../shared/transaction.ts";

/**
 * A case's path through bodies: from an item, the secretariat plans the case's treatment at another
 * body's future meeting ("send on"). The plan waits at that body as a case awaiting an agenda until
 * its secretariat puts it on a meeting, which turns the plan into the item's treatment.
 */

export type Purpose = "information" | "discussion" | "decision";
const purposes: readonly Purpose[] = ["information", "discussion", "decision"];

interface SendOn {
  organizationId: string;
  /** A meeting of that body: the plan takes its date. */
  meetingId?: string | null;
  /** Or a date, `yyyy-mm-dd`, when no meeting is set yet. */
  date?: string | null;
  purpose: Purpose;
}

function invalid(field: string, message: string): AppError {
  return new AppError("validation.invalid", `${field}: ${message}`, { field });
}

/** Plans the item's case at another body; returns the planned consultation's id. */
export async function sendOn(ctx: Context, itemId: string, plan: SendOn): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const [item] = await tx.query<{ organizationId: string; caseId: string | null }>(
      `SELECT m.organization_id AS "organizationId", c.case_id AS "caseId"
       FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
       LEFT JOIN consultations c ON c.agenda_item_id = i.id WHERE i.id = $1`,
      [itemId],
    );
    if (!item) throw notFound("agenda item", itemId);
    assertMayPrepare(ctx.actor, item.organizationId);
    if (!item.caseId) throw invalid("caseId", "the item treats no case: pick or create its case first");
    if (!purposes.includes(plan.purpose))
      throw invalid("purpose", "choose information, discussion or decision");
    const [body] = await tx.query("SELECT 1 FROM organizations WHERE id = $1", [plan.organizationId]);
    if (!body) throw invalid("organizationId", "choose the body the case goes on to");
    const today = danishDateOf(new Date());
    let date = plan.date?.trim() || null;
    if (plan.meetingId) {
      const [meeting] = await tx.query<{ organizationId: string; start: Date; state: string }>(
        `SELECT organization_id AS "organizationId", start_at AS start, state FROM meetings WHERE id = $1`,
        [plan.meetingId],
      );
      if (!meeting || meeting.organizationId !== plan.organizationId) {
        throw invalid("meetingId", "choose a meeting of the body the case goes on to");
      }
      if (meeting.state !== "planned" && meeting.state !== "agenda_published") {
        throw invalid("meetingId", "that meeting is held or cancelled; choose a coming one");
      }
      date = danishDateOf(meeting.start);
    }
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw invalid("date", "choose a coming meeting or give a date (yyyy-mm-dd)");
    }
    if (date < today) throw invalid("date", "the date has passed; choose a coming one");
    const [duplicate] = await tx.query(
      `SELECT 1 FROM consultations WHERE case_id = $1 AND organization_id = $2 AND planned_date = $3
       AND agenda_item_id IS NULL`,
      [item.caseId, plan.organizationId, date],
    );
    if (duplicate) throw invalid("date", "the case is already planned for that body on that date");
    const id = newId();
    await tx.query(
      `INSERT INTO consultations (id, case_id, organization_id, planned_date, purpose, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [id, item.caseId, plan.organizationId, date, plan.purpose, ctx.actor.id],
    );
    return id;
  });
}

interface AwaitingCase {
  consultationId: string;
  caseId: string;
  caseTitle: string;
  caseReference: string | null;
  plannedDate: string;
  purpose: Purpose;
  /** The body whose item sent it on, when the case has been treated before. */
  fromOrganizationName: string | null;
}

/** Cases planned for the body that are on no agenda yet, soonest first. */
export async function casesAwaitingAgenda(ctx: Context, organizationId: string): Promise<AwaitingCase[]> {
  return ctx.db.query<AwaitingCase>(
    `SELECT c.id AS "consultationId", k.id AS "caseId", k.title AS "caseTitle", k.reference AS "caseReference",
            c.planned_date::text AS "plannedDate", c.purpose,
            (SELECT coalesce(o.short_name, o.name) FROM consultations pc
               JOIN agenda_items pi ON pi.id = pc.agenda_item_id JOIN meetings pm ON pm.id = pi.meeting_id
               JOIN organizations o ON o.id = pm.organization_id
              WHERE pc.case_id = k.id ORDER BY pm.start_at DESC LIMIT 1) AS "fromOrganizationName"
     FROM consultations c JOIN cases k ON k.id = c.case_id
     WHERE c.organization_id = $1 AND c.agenda_item_id IS NULL
     ORDER BY c.planned_date, k.title`,
    [organizationId],
  );
}

/**
 * Puts an awaiting case on a meeting's agenda: a new item titled as the case, treating it. The plan
 * becomes the item's treatment (removing the item sends the case back to waiting).
 */
export async function placeAwaitingCase(
  ctx: Context,
  consultationId: string,
  meetingId: string,
  change: ChangeNote = {},
): Promise<string> {
  return changeAgenda(ctx, meetingId, change, async (tx, meeting) => {
    const [plan] = await tx.query<{
      organizationId: string;
      caseTitle: string;
      purpose: Purpose;
      itemId: string;
    }>(
      `SELECT c.organization_id AS "organizationId", k.title AS "caseTitle", c.purpose,
              c.agenda_item_id AS "itemId"
       FROM consultations c JOIN cases k ON k.id = c.case_id WHERE c.id = $1 FOR UPDATE OF c`,
      [consultationId],
    );
    if (!plan) throw notFound("consultation", consultationId);
    if (plan.itemId) throw invalid("consultationId", "the case is on an agenda already");
    if (plan.organizationId !== meeting.organizationId) {
      throw invalid("meetingId", "the case is planned for another body; choose one of that body's meetings");
    }
    const itemId = await insertItem(tx, meeting, { title: plan.caseTitle, isPublic: true }, ctx.actor.id);
    await tx.query(
      "UPDATE consultations SET agenda_item_id = $2, updated_by = $3, updated_at = now() WHERE id = $1",
      [consultationId, itemId, ctx.actor.id],
    );
    return itemId;
  });
}
