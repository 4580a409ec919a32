import type { Page } from "../../platform/db/keyset.ts";
import { Conditions } from "../../platform/db/list-query.ts";
import { defineTable } from "../../platform/db/table.ts";
import { AppError } from "../../platform/errors.ts";
import { isId } from "../../platform/ids.ts";
import { assertMayPrepareFor } from "../publication/permissions.ts";
import type { Context } from "../shared/context.ts";
import { recordStore, type WriteRule } from "../shared/record-store.ts";
import type {
  Organization,
  OrganizationCreate,
  OrganizationQuery,
  OrganizationUpdate,
} from "./organization.schema.ts";

/**
 * Any secretariat adds organisations (a new body, a municipality). A body someone prepares for is
 * changed only by its own secretariat; the others (municipalities, external bodies) by any.
 */
const organizationWriteRule: WriteRule<OrganizationCreate, OrganizationUpdate> = {
  async create() {},
  async update(ctx, tx, id) {
    const [prepared] = await tx.query(
      "SELECT 1 FROM user_roles WHERE organization_id = $1 AND role = 'secretariat' LIMIT 1",
      [id],
    );
    if (prepared) assertMayPrepareFor(ctx.actor, id);
  },
};

/** Organisations are public record: everyone sees all of them. */
const organizations = recordStore<
  "name" | "shortName" | "kind" | "parentId" | "website" | "startDate" | "endDate",
  Organization,
  OrganizationCreate,
  OrganizationUpdate
>(
  defineTable("organizations", {
    name: "name",
    shortName: "short_name",
    kind: "kind",
    parentId: "parent_id",
    website: "website",
    startDate: "start_date",
    endDate: "end_date",
  }),
  "organization",
  organizationWriteRule,
  [
    { table: "organizations", column: "parent_id", label: "organisations (as their parent)" },
    { table: "memberships", column: "organization_id", label: "appointments (as the organisation)" },
    { table: "memberships", column: "on_behalf_of_id", label: "appointments (on its behalf)" },
    { table: "meetings", column: "organization_id", label: "meetings" },
    { table: "legislative_terms", column: "organization_id", label: "legislative terms" },
    { table: "consultations", column: "organization_id", label: "planned consultations" },
    { table: "person_affiliations", column: "organization_id", label: "affiliations of people" },
    { table: "user_roles", column: "organization_id", label: "user roles" },
  ],
);

export const getOrganizationById = organizations.getById;
export const createOrganization = organizations.create;
export const updateOrganization = organizations.update;
export const deleteOrganization = organizations.remove;
export const getOrganizationsByIds = organizations.getByIds;

export function findOrganizations(ctx: Context, query: OrganizationQuery): Promise<Page<Organization>> {
  const conditions = new Conditions()
    .equal("kind", query.kind)
    .equal("parent_id", query.parentId)
    .contains(["name", "short_name"], query.name);
  return organizations.list(ctx, conditions, query);
}

/**
 * An organisation by its id, or by its name or short name without regard to case (the CLI's
 * `KKR Midtjylland`, `KD-Net`). Several with that name: refused, listing them by id.
 */
export async function getOrganizationByIdOrName(ctx: Context, key: string): Promise<Organization> {
  if (isId(key)) return organizations.getById(ctx, key);
  const rows = await ctx.db.query<{ id: string; name: string }>(
    "SELECT id, name FROM organizations WHERE lower(name) = lower($1) OR lower(short_name) = lower($1) ORDER BY id",
    [key.trim()],
  );
  const [only, ...more] = rows;
  if (!only) {
    throw new AppError("record.not_found", `there is no organisation named ${key}`, {
      field: "organization",
    });
  }
  if (more.length > 0) {
    throw new AppError(
      "validation.invalid",
      `${rows.length} organisations are named ${key}: give the id of one (${rows.map((r) => `${r.id} ${r.name}`).join("; ")})`,
      { field: "organization" },
    );
  }
  return organizations.getById(ctx, only.id);
}
