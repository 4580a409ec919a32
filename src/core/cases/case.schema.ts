import { type Static, Type } from "typebox";
import { ConsultationPurpose } from "../agenda/agenda-item.schema.ts";
import { Audit, DateOnly, Id, Nullable, PageQuery, Text } from "../shared/schema.ts";

const caseStatuses = ["open", "closed"] as const;

const caseFields = {
  reference: Nullable(
    Text({
      maxLength: 100,
      description: "Case number: SAG-2016-04709, EMN-2025-008468 or a KL journal number",
    }),
  ),
  title: Text({ maxLength: 1000 }),
  status: Type.Enum(caseStatuses),
};

const consultationFields = {
  caseId: Id,
  agendaItemId: Nullable(Id),
  organizationId: Nullable(Id),
  plannedDate: Nullable(DateOnly),
  purpose: ConsultationPurpose,
};

export const ConsultationCreate = Type.Object(
  {
    caseId: consultationFields.caseId,
    agendaItemId: Type.Optional(consultationFields.agendaItemId),
    organizationId: Type.Optional(consultationFields.organizationId),
    plannedDate: Type.Optional(consultationFields.plannedDate),
    purpose: consultationFields.purpose,
  },
  {
    additionalProperties: false,
    title: "ConsultationCreate",
    description: "Actual (agendaItemId) or planned (organizationId and plannedDate) treatment of a case",
  },
);
export const ConsultationUpdate = Type.Partial(ConsultationCreate, {
  additionalProperties: false,
  minProperties: 1,
  title: "ConsultationUpdate",
});
export const Consultation = Type.Object(
  {
    id: Id,
    ...consultationFields,
    meetingId: Nullable(Id),
    date: Nullable(DateOnly),
    planned: Type.Boolean({ description: "true until the case is on an agenda" }),
    ...Audit,
  },
  { title: "Consultation" },
);
export const ConsultationQuery = Type.Object(
  {
    caseId: Type.Optional(Id),
    organizationId: Type.Optional(Id),
    planned: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CaseCreate = Type.Object(
  {
    reference: Type.Optional(caseFields.reference),
    title: caseFields.title,
    status: Type.Optional(caseFields.status),
  },
  { additionalProperties: false, title: "CaseCreate" },
);
export const CaseUpdate = Type.Partial(CaseCreate, {
  additionalProperties: false,
  minProperties: 1,
  title: "CaseUpdate",
});
export const Case = Type.Object(
  {
    id: Id,
    ...caseFields,
    ...Audit,
    consultations: Type.Array(Consultation, { description: "The case's path: treatments in time order" }),
  },
  { title: "Case" },
);
export const CaseQuery = Type.Object(
  {
    reference: Type.Optional(Type.String()),
    title: Type.Optional(Type.String({ description: "Part of the title, any case" })),
    status: Type.Optional(caseFields.status),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export type ConsultationCreate = Static<typeof ConsultationCreate>;
export type ConsultationUpdate = Static<typeof ConsultationUpdate>;
export type Consultation = Static<typeof Consultation>;
export type ConsultationQuery = Static<typeof ConsultationQuery>;
export type CaseCreate = Static<typeof CaseCreate>;
export type CaseUpdate = Static<typeof CaseUpdate>;
export type Case = Static<typeof Case>;
export type CaseQuery = Static<typeof CaseQuery>;
