import type { Page } from "../../platform/db/keyset.ts";
import { Conditions } from "../../platform/db/list-query.ts";
import { defineTable } from "../../platform/db/table.ts";
import type { Context } from "../shared/context.ts";
import { bodyWriteRule, recordStore } from "../shared/record-store.ts";
import type { Membership, MembershipCreate, MembershipQuery, MembershipUpdate } from "./membership.schema.ts";

/**
 * Appointments (udpegninger) are public record, past ones included. Overlapping appointments of
 * one person to the same role in the same organisation are refused by the schema's exclusion
 * constraint, so the rule holds for every door and under concurrent writes. The body's
 * secretariat records its appointments.
 */
const memberships = recordStore<
  | "personId"
  | "organizationId"
  | "role"
  | "onBehalfOfId"
  | "startDate"
  | "endDate"
  | "principalPersonId"
  | "decidedByAgendaItemId",
  Membership,
  MembershipCreate,
  MembershipUpdate
>(
  defineTable("memberships", {
    personId: "person_id",
    organizationId: "organization_id",
    role: "role",
    onBehalfOfId: "on_behalf_of_id",
    startDate: "start_date",
    endDate: "end_date",
    principalPersonId: "principal_person_id",
    decidedByAgendaItemId: "decided_by_agenda_item_id",
  }),
  "membership",
  bodyWriteRule("memberships"),
);

export const getMembershipById = memberships.getById;
export const getMembershipsByIds = memberships.getByIds;
export const createMembership = memberships.create;
export const updateMembership = memberships.update;
export const deleteMembership = memberships.remove;
export const membershipTable = memberships.table;

export function findMemberships(ctx: Context, query: MembershipQuery): Promise<Page<Membership>> {
  const conditions = new Conditions()
    .equal("person_id", query.personId)
    .equal("organization_id", query.organizationId)
    .equal("role", query.role);
  if (query.activeOn) {
    conditions.add(`daterange(start_date, end_date, '[]') @> ${conditions.param(query.activeOn)}::date`);
  }
  return memberships.list(ctx, conditions, query);
}
