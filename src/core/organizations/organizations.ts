import type { Page } from "../../platform/db/keyset.ts";
import { Conditions } from "../../platform/db/list-query.ts";
import { defineTable } from "../../platform/db/table.ts";
import type { Context } from "../shared/context.ts";
import { recordStore } from "../shared/record-store.ts";
import type {
  Organization,
  OrganizationCreate,
  OrganizationQuery,
  OrganizationUpdate,
} from "./organization.schema.ts";

/** Organisations are public record: every audience sees all of them. */
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
