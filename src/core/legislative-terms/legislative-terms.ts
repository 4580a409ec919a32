import type { Page } from "../../platform/db/keyset.ts";
import { Conditions } from "../../platform/db/list-query.ts";
import { defineTable } from "../../platform/db/table.ts";
import type { Context } from "../shared/context.ts";
import { bodyWriteRule, recordStore } from "../shared/record-store.ts";
import type {
  LegislativeTerm,
  LegislativeTermCreate,
  LegislativeTermQuery,
  LegislativeTermUpdate,
} from "./legislative-term.schema.ts";

/**
 * Election terms (valgperioder): installation-wide (kept like any shared register), or one body's
 * own (kept by its secretariat).
 */
const legislativeTerms = recordStore<
  "organizationId" | "name" | "startDate" | "endDate",
  LegislativeTerm,
  LegislativeTermCreate,
  LegislativeTermUpdate
>(
  defineTable("legislative_terms", {
    organizationId: "organization_id",
    name: "name",
    startDate: "start_date",
    endDate: "end_date",
  }),
  "legislative term",
  bodyWriteRule("legislative_terms"),
);

export const getLegislativeTermById = legislativeTerms.getById;
export const getLegislativeTermsByIds = legislativeTerms.getByIds;
export const createLegislativeTerm = legislativeTerms.create;
export const updateLegislativeTerm = legislativeTerms.update;
export const deleteLegislativeTerm = legislativeTerms.remove;
export const legislativeTermTable = legislativeTerms.table;

export function findLegislativeTerms(
  ctx: Context,
  query: LegislativeTermQuery,
): Promise<Page<LegislativeTerm>> {
  return legislativeTerms.list(ctx, new Conditions().equal("organization_id", query.organizationId), query);
}
