import { type Static, Type } from "typebox";
import { Audit, Id, LongText, Nullable, PageQuery, Text } from "../shared/schema.ts";

export const outcomes = [
  "approved",
  "approved_with_changes",
  "noted",
  "discussed",
  "recommended_onward",
  "postponed",
  "rejected",
  "none",
] as const;
const consultationPurposes = ["information", "discussion", "decision"] as const;

export const Outcome = Type.Enum(outcomes, {
  description: "godkendt, godkendt med ændringer, taget til efterretning, drøftet, indstillet, udsat, afvist",
});
export const ConsultationPurpose = Type.Enum(consultationPurposes);

const content = {
  number: Type.String({
    pattern: "^[0-9]+[a-z]?(\\.[0-9]+[a-z]?)*$",
    maxLength: 20,
    description: "The body's numbering: 3, or 3.1 under a group",
  }),
  groupHeading: Nullable(
    Text({ maxLength: 300, description: "Heading of the group, e.g. Regionalpolitiske sager" }),
  ),
  title: Text({ maxLength: 1000 }),
  isPublic: Type.Boolean({ description: "false for a closed item (lukket punkt)" }),
  background: Nullable(LongText("Baggrund (Markdown)")),
  recommendation: Nullable(LongText("Indstilling (Markdown)")),
  casePresentation: Nullable(LongText("Sagsfremstilling (Markdown)")),
  finance: Nullable(LongText("Økonomi (Markdown)")),
  decision: Nullable(LongText("Beslutning: what the meeting decided (Markdown)")),
  outcome: Nullable(Outcome),
  presenterIds: Type.Array(Id, {
    maxItems: 50,
    uniqueItems: true,
    description: "People presenting the item",
  }),
  caseId: Nullable(Id),
  casePurpose: ConsultationPurpose,
};

const optional = Object.fromEntries(
  Object.entries(content).map(([key, schema]) => [key, Type.Optional(schema)]),
) as { [K in keyof typeof content]: ReturnType<typeof Type.Optional<(typeof content)[K]>> };

/** Item fields as written inside a meeting (no meetingId) and on their own. */
export const AgendaItemFields = {
  create: {
    ...optional,
    number: content.number,
    title: content.title,
    position: Type.Optional(
      Type.Integer({ minimum: 0, description: "Order on the agenda; appended when absent" }),
    ),
  },
};

const changeNote = Type.Optional(
  Type.String({
    minLength: 1,
    maxLength: 2000,
    description:
      "What changed: required once the agenda is published (the change becomes a new version of it, shown with this note); not for a decision or outcome alone",
  }),
);

export const AgendaItemCreate = Type.Object(
  { meetingId: Id, ...AgendaItemFields.create, changeNote },
  { additionalProperties: false, title: "AgendaItemCreate" },
);
export const AgendaItemUpdate = Type.Object(
  { ...optional, position: Type.Optional(Type.Integer({ minimum: 0 })), changeNote },
  { additionalProperties: false, minProperties: 1, title: "AgendaItemUpdate" },
);
const standardItemKinds = [
  "approve_agenda",
  "approve_minutes",
  "coming_meetings",
  "next_meeting_items",
  "any_other_business",
  "custom",
] as const;
export type StandardItemKind = (typeof standardItemKinds)[number];

/** A member's declared conflict of interest (inhabilitet) for the item, part of the minutes. */
export const Conflict = Type.Object({
  personId: Id,
  note: Nullable(Type.String({ maxLength: 2000 })),
});

export const AgendaItem = Type.Object(
  {
    id: Id,
    meetingId: Id,
    position: Type.Integer(),
    ...content,
    casePurpose: Nullable(ConsultationPurpose),
    conflicts: Type.Array(Conflict, { description: "Declared conflicts of interest (inhabilitet)" }),
    standardKind: Nullable(
      Type.Enum(standardItemKinds, { description: "The body's standard item this is, if any" }),
    ),
    ...Audit,
  },
  { title: "AgendaItem" },
);
export const AgendaItemQuery = Type.Object(
  { meetingId: Type.Optional(Id), caseId: Type.Optional(Id), ...PageQuery },
  { additionalProperties: false },
);

export type Outcome = Static<typeof Outcome>;
export type AgendaItemCreate = Static<typeof AgendaItemCreate>;
export type AgendaItemUpdate = Static<typeof AgendaItemUpdate>;
export type AgendaItem = Static<typeof AgendaItem>;
export type AgendaItemQuery = Static<typeof AgendaItemQuery>;
export type Conflict = Static<typeof Conflict>;
