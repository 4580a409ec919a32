import type { Page } from "../../platform/db/keyset.ts";
import { Conditions } from "../../platform/db/list-query.ts";
import { defineTable } from "../../platform/db/table.ts";
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
);

export const getOrganizationById = organizations.getById;
export const createOrganization = organizations.create;
export const updateOrganization = organizations.update;

export function findOrganizations(ctx: Context, query: OrganizationQuery): Promise<Page<Organization>> {
  const conditions = new Conditions()
    .equal("kind", query.kind)
    .equal("parent_id", query.parentId)
    .contains(["name", "short_name"], query.name);
  return organizations.list(ctx, conditions, query);
}
