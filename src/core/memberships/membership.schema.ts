import { type Static, Type } from "typebox";
import { Audit, DateOnly, Id, Nullable, PageQuery } from "../shared/schema.ts";

export const membershipRoles = [
  "chair",
  "vice_chair",
  "member",
  "substitute",
  "observer",
  "secretariat",
] as const;

const fields = {
  personId: Id,
  organizationId: Id,
  role: Type.Enum(membershipRoles, {
    description: "formand, næstformand, medlem, suppleant, observatør, sekretariat",
  }),
  onBehalfOfId: Nullable(Id),
  startDate: Nullable(DateOnly),
  endDate: Nullable(DateOnly),
  principalPersonId: Nullable(Id),
  decidedByAgendaItemId: Nullable(Id),
};

export const MembershipCreate = Type.Object(
  {
    personId: fields.personId,
    organizationId: fields.organizationId,
    role: fields.role,
    onBehalfOfId: Type.Optional(fields.onBehalfOfId),
    startDate: Type.Optional(fields.startDate),
    endDate: Type.Optional(fields.endDate),
    principalPersonId: Type.Optional(fields.principalPersonId),
    decidedByAgendaItemId: Type.Optional(fields.decidedByAgendaItemId),
  },
  { additionalProperties: false, title: "MembershipCreate", description: "An appointment (udpegning)" },
);
export const MembershipUpdate = Type.Partial(MembershipCreate, {
  additionalProperties: false,
  minProperties: 1,
  title: "MembershipUpdate",
});
export const Membership = Type.Object({ id: Id, ...fields, ...Audit }, { title: "Membership" });
export const MembershipQuery = Type.Object(
  {
    personId: Type.Optional(Id),
    organizationId: Type.Optional(Id),
    role: Type.Optional(fields.role),
    activeOn: Type.Optional(
      Type.String({ format: "date", description: "Only appointments running on this date" }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export type MembershipCreate = Static<typeof MembershipCreate>;
export type MembershipUpdate = Static<typeof MembershipUpdate>;
export type Membership = Static<typeof Membership>;
export type MembershipQuery = Static<typeof MembershipQuery>;
