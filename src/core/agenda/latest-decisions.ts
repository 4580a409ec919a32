import { toDanishIsoString } from "../../platform/time.ts";
import type { MeetingState } from "../publication/visibility.ts";
import { decisionCondition } from "../publication/visibility.ts";
import type { Context } from "../shared/context.ts";
import {
  type AgendaItemView,
  agendaItemJson,
  type OrganizationRef,
  presentAgendaItemView,
} from "./agenda-item-view.ts";

export interface DecisionEntry {
  item: AgendaItemView;
  meeting: { id: string; title: string; start: string; allDay: boolean };
  organization: OrganizationRef;
}

/** The latest decisions the reader may see (newest meeting first, in agenda order within it). */
export async function latestDecisions(
  ctx: Context,
  options: { limit: number; organizationId?: string },
): Promise<DecisionEntry[]> {
  const params: unknown[] = [options.limit];
  const where = ["(i.decision IS NOT NULL OR i.outcome IS NOT NULL)", decisionCondition(ctx.actor, "i", "m")];
  if (options.organizationId) where.push(`m.organization_id = $${params.push(options.organizationId)}`);
  const rows = await ctx.db.query<{
    item: Parameters<typeof presentAgendaItemView>[1];
    state: MeetingState;
    meeting: { id: string; title: string; start: string; allDay: boolean };
    organization: OrganizationRef;
  }>(
    `SELECT ${agendaItemJson} AS item, m.state,
       json_build_object('id', m.id, 'title', m.title, 'start', m.start_at, 'allDay', m.all_day) AS meeting,
       json_build_object('id', o.id, 'name', o.name, 'shortName', o.short_name) AS organization
     FROM agenda_items i
     JOIN meetings m ON m.id = i.meeting_id
     JOIN organizations o ON o.id = m.organization_id
     LEFT JOIN consultations k ON k.agenda_item_id = i.id
     WHERE ${where.join(" AND ")}
     ORDER BY m.start_at DESC, m.id, i.position, i.id
     LIMIT $1`,
    params,
  );
  return rows.flatMap((row) => {
    const item = presentAgendaItemView(ctx.actor, row.item, {
      state: row.state,
      organizationId: row.organization.id,
    });
    if (!item || (item.decision === null && item.outcome === null)) return [];
    return [
      {
        item,
        meeting: { ...row.meeting, start: toDanishIsoString(new Date(row.meeting.start)) },
        organization: row.organization,
      },
    ];
  });
}
