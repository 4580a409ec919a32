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
  [
    { table: "organizations", column: "parent_id", label: "organisations (as their parent)" },
    { table: "memberships", column: "organization_id", label: "appointments (as the organisation)" },
    { table: "memberships", column: "on_behalf_of_id", label: "appointments (on its behalf)" },
    { table: "meetings", column: "organization_id", label: "meetings" },
    { table: "legislative_terms", column: "organization_id", label: "legislative terms" },
    { table: "consultations", column: "organization_id", label: "planned consultations" },
    { table: "person_affiliations", column: "organization_id", label: "affiliations of people" },
  ],
);

export const getOrganizationById = organizations.getById;
export const getOrganizationsByIds = organizations.getByIds;
export const createOrganization = organizations.create;
export const updateOrganization = organizations.update;
export const deleteOrganization = organizations.remove;
export const organizationTable = organizations.table;

export function findOrganizations(ctx: Context, query: OrganizationQuery): Promise<Page<Organization>> {
  const conditions = new Conditions()
    .equal("kind", query.kind)
    .equal("parent_id", query.parentId)
    .contains(["name", "short_name"], query.name);
  return organizations.list(ctx, conditions, query);
}
