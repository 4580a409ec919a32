import { notFound } from "../../platform/errors.ts";
import type { OrganizationRef } from "../agenda/agenda-item-view.ts";
import type { Context } from "../shared/context.ts";
import type { Organization } from "./organization.schema.ts";

/** An organisation as the directory lists it: organisations are public record. */
export interface DirectoryEntry extends OrganizationRef {
  kind: Organization["kind"];
  parentId: string | null;
  /** Ended (its end date has passed). */
  ended: boolean;
}

/** Every organisation, by name in Danish order (æ, ø, å last). */
export async function listOrganizations(ctx: Context, today: string): Promise<DirectoryEntry[]> {
  const rows = await ctx.db.query<DirectoryEntry>(
    `SELECT id, name, short_name AS "shortName", kind, parent_id AS "parentId",
       (end_date IS NOT NULL AND end_date < $1::date) AS ended
     FROM organizations`,
    [today],
  );
  return rows.sort((a, b) => a.name.localeCompare(b.name, "da"));
}

export interface OrganizationOverview {
  organization: Pick<
    Organization,
    "id" | "name" | "shortName" | "kind" | "website" | "startDate" | "endDate"
  >;
  parent: OrganizationRef | null;
  children: OrganizationRef[];
}

/** One organisation with the one it belongs under and those under it. */
export async function getOrganizationOverview(ctx: Context, id: string): Promise<OrganizationOverview> {
  const rows = await ctx.db.query<
    OrganizationOverview["organization"] & { parent: OrganizationRef | null; children: OrganizationRef[] }
  >(
    `SELECT o.id, o.name, o.short_name AS "shortName", o.kind, o.website,
       o.start_date AS "startDate", o.end_date AS "endDate",
       (SELECT json_build_object('id', p.id, 'name', p.name, 'shortName', p.short_name)
        FROM organizations p WHERE p.id = o.parent_id) AS parent,
       COALESCE((SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'shortName', c.short_name) ORDER BY c.name)
        FROM organizations c WHERE c.parent_id = o.id), '[]') AS children
     FROM organizations o WHERE o.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw notFound("organization", id);
  const { parent, children, ...organization } = row;
  return { organization, parent, children };
}
