import type { Queryable } from "../../platform/db/database.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import type { Context } from "../shared/context.ts";
import { inTransaction } from "../shared/transaction.ts";
import type { StandardItemKind } from "./agenda-item.schema.ts";
import { type NumberingScheme, numberingSchemes } from "./numbering.ts";
import { assertMayPrepare } from "./preparation.ts";

/** Where a standard item goes: before the body's own items, or after them. */
export type Placement = "start" | "end";

export interface StandardItem {
  kind: StandardItemKind;
  title: string;
  placement: Placement;
}

interface AgendaSettings {
  organizationId: string;
  numbering: NumberingScheme;
  standardItems: StandardItem[];
  /** False while the body uses the defaults (it has never saved its own). */
  saved: boolean;
}

/** The items most agendas of the seeds start and end with. */
export const defaultStandardItems: readonly StandardItem[] = [
  { kind: "approve_agenda", title: "Godkendelse af dagsorden", placement: "start" },
  { kind: "approve_minutes", title: "Godkendelse af referat", placement: "start" },
  { kind: "coming_meetings", title: "Kommende møder", placement: "end" },
  { kind: "next_meeting_items", title: "Punkter til næste møde", placement: "end" },
  { kind: "any_other_business", title: "Eventuelt", placement: "end" },
];

export async function readAgendaSettings(db: Queryable, organizationId: string): Promise<AgendaSettings> {
  const [settings] = await db.query<{ numbering: NumberingScheme }>(
    "SELECT numbering FROM agenda_settings WHERE organization_id = $1",
    [organizationId],
  );
  if (!settings) {
    return { organizationId, numbering: "flat", standardItems: [...defaultStandardItems], saved: false };
  }
  const items = await db.query<StandardItem>(
    `SELECT kind, title, placement FROM standard_agenda_items WHERE organization_id = $1
     ORDER BY position, id`,
    [organizationId],
  );
  return { organizationId, numbering: settings.numbering, standardItems: items, saved: true };
}

export function getAgendaSettings(ctx: Context, organizationId: string): Promise<AgendaSettings> {
  return readAgendaSettings(ctx.db, organizationId);
}

interface AgendaSettingsInput {
  numbering: NumberingScheme;
  standardItems: readonly StandardItem[];
}

/** Saves the body's numbering and its list of standard items (replacing the list). */
export async function saveAgendaSettings(
  ctx: Context,
  organizationId: string,
  input: AgendaSettingsInput,
): Promise<AgendaSettings> {
  assertMayPrepare(ctx.actor, organizationId);
  if (!numberingSchemes.includes(input.numbering)) {
    throw new AppError("validation.invalid", "numbering: choose flat (1, 2, 3) or grouped (3.1, 3.2)", {
      field: "numbering",
    });
  }
  const seen = new Set<string>();
  for (const [index, item] of input.standardItems.entries()) {
    if (!item.title.trim()) {
      throw new AppError(
        "validation.invalid",
        `standardItems/${index}/title: a standard item needs a title`,
        {
          field: `standardItems/${index}/title`,
        },
      );
    }
    if (item.kind !== "custom" && seen.has(item.kind)) {
      throw new AppError("validation.invalid", `standardItems/${index}/kind: ${item.kind} is listed twice`, {
        field: `standardItems/${index}/kind`,
      });
    }
    seen.add(item.kind);
  }
  return inTransaction(ctx, async (tx) => {
    await tx.query(
      `INSERT INTO agenda_settings (organization_id, numbering, created_by, updated_by) VALUES ($1, $2, $3, $3)
       ON CONFLICT (organization_id) DO UPDATE
         SET numbering = EXCLUDED.numbering, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [organizationId, input.numbering, ctx.actor.id],
    );
    await tx.query("DELETE FROM standard_agenda_items WHERE organization_id = $1", [organizationId]);
    for (const [position, item] of input.standardItems.entries()) {
      await tx.query(
        `INSERT INTO standard_agenda_items (id, organization_id, kind, title, placement, position, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
        [newId(), organizationId, item.kind, item.title.trim(), item.placement, position, ctx.actor.id],
      );
    }
    return readAgendaSettings(tx, organizationId);
  });
}
