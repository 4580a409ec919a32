import type { Database } from "../../platform/db/database.ts";
import { newId } from "../../platform/ids.ts";
import { toDanishIsoString } from "../../platform/time.ts";
import type { MeetingDetail } from "../meetings/meeting.schema.ts";
import { getMeetingById } from "../meetings/meetings.ts";
import { type Actor, type Context, systemActor } from "../shared/context.ts";
import { mayReadAllOf } from "./permissions.ts";
import {
  agendaItemFor,
  attendanceIsVisible,
  type MeetingState,
  publicationCondition,
  publicationIsPublic,
} from "./visibility.ts";

/**
 * Versions of what a meeting published: agenda version 1 when the agenda is published, minutes
 * version 1 when they are approved; later versions carry a note (what changed, or why the
 * minutes were corrected). Each holds the meeting's full content at that moment.
 */
export type PublicationKind = "agenda" | "minutes";

export interface PublicationVersion {
  id: string;
  meetingId: string;
  kind: PublicationKind;
  version: number;
  note: string | null;
  publishedAt: string;
  content: MeetingDetail;
}

interface Row {
  id: string;
  meetingId: string;
  kind: PublicationKind;
  version: number;
  note: string | null;
  publishedAt: Date;
  content: MeetingDetail;
  state: MeetingState;
  organizationId: string;
}

/** Records the next version of a meeting's agenda or minutes, inside the caller's transaction. */
export async function recordVersion(
  tx: Database,
  actor: Actor,
  meetingId: string,
  kind: PublicationKind,
  note: string | null,
): Promise<number> {
  // A version holds everything; who may read which part of it is decided when it is read.
  const content = await getMeetingById({ db: tx, actor: systemActor }, meetingId);
  const [next] = await tx.query<{ version: number }>(
    "SELECT coalesce(max(version), 0) + 1 AS version FROM publications WHERE meeting_id = $1 AND kind = $2",
    [meetingId, kind],
  );
  const version = next?.version ?? 1;
  await tx.query(
    `INSERT INTO publications (id, meeting_id, kind, version, note, content, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
    [newId(), meetingId, kind, version, note, JSON.stringify(content), actor.id],
  );
  return version;
}

function versionIsVisible(actor: Actor, row: Row): boolean {
  return mayReadAllOf(actor, row.organizationId) || publicationIsPublic(row.kind, row.state);
}

/** What the reader may see of a version's content: the visibility rules applied to its items. */
function presentVersion(actor: Actor, row: Row): PublicationVersion {
  const content: MeetingDetail = {
    ...row.content,
    attendance: attendanceIsVisible(actor, row.state, row.organizationId) ? row.content.attendance : [],
    agendaItems: row.content.agendaItems.flatMap((item) => {
      const visible = agendaItemFor(actor, item, row);
      return visible ? [visible] : [];
    }),
  };
  return {
    id: row.id,
    meetingId: row.meetingId,
    kind: row.kind,
    version: row.version,
    note: row.note,
    publishedAt: toDanishIsoString(row.publishedAt),
    content,
  };
}

const selectVersions = `SELECT p.id, p.meeting_id AS "meetingId", p.kind, p.version, p.note,
  p.published_at AS "publishedAt", p.content, m.state, m.organization_id AS "organizationId"
  FROM publications p JOIN meetings m ON m.id = p.meeting_id`;

/** A meeting's versions of one kind, oldest first, as far as the reader may see them. */
export async function versionsOf(
  ctx: Context,
  meetingId: string,
  kind: PublicationKind,
): Promise<PublicationVersion[]> {
  const rows = await ctx.db.query<Row>(
    `${selectVersions} WHERE p.meeting_id = $1 AND p.kind = $2 ORDER BY p.version`,
    [meetingId, kind],
  );
  return rows.filter((row) => versionIsVisible(ctx.actor, row)).map((row) => presentVersion(ctx.actor, row));
}

/** The latest publications, newest first (feeds, the front page), optionally of one body. */
export async function recentPublications(
  ctx: Context,
  options: { organizationId?: string; limit: number },
): Promise<PublicationVersion[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (options.organizationId) {
    params.push(options.organizationId);
    where.push(`m.organization_id = $${params.length}`);
  }
  where.push(publicationCondition(ctx.actor, "p", "m"));
  params.push(options.limit);
  const rows = await ctx.db.query<Row>(
    `${selectVersions} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY p.published_at DESC, p.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.filter((row) => versionIsVisible(ctx.actor, row)).map((row) => presentVersion(ctx.actor, row));
}
