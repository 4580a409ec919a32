import { type Static, Type } from "typebox";
import { AgendaItem, AgendaItemFields } from "../agenda/agenda-item.schema.ts";
import { meetingStates } from "../publication/visibility.ts";
import { Audit, DateTime, Id, Nullable, PageQuery, Text } from "../shared/schema.ts";

export const MeetingState = Type.Enum(meetingStates, {
  description:
    "planned -> agenda_published -> held -> minutes_approved -> minutes_published; planned or agenda_published -> cancelled",
});

const attendanceStatuses = ["present", "absent", "excused"] as const;
export const Attendance = Type.Object(
  {
    personId: Id,
    status: Type.Enum(attendanceStatuses, { description: "present, absent (fraværende) or excused (afbud)" }),
    substituteForPersonId: Type.Optional(Nullable(Id)),
    note: Type.Optional(Nullable(Text({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);

const fields = {
  organizationId: Id,
  title: Text({ maxLength: 500 }),
  start: DateTime,
  end: Nullable(DateTime),
  allDay: Type.Boolean({ description: "Only the date is set, not the time (start is local midnight)" }),
  location: Nullable(
    Text({ maxLength: 500, description: "Place, e.g. Scandic, Udgårdsvej 2, 8600 Silkeborg" }),
  ),
  onlineUrl: Nullable(Type.String({ format: "uri", maxLength: 2000, description: "Link when held online" })),
};

export const MeetingCreate = Type.Object(
  {
    organizationId: fields.organizationId,
    title: fields.title,
    start: fields.start,
    end: Type.Optional(fields.end),
    allDay: Type.Optional(fields.allDay),
    location: Type.Optional(fields.location),
    onlineUrl: Type.Optional(fields.onlineUrl),
    attendance: Type.Optional(Type.Array(Attendance, { maxItems: 500 })),
    agendaItems: Type.Optional(
      Type.Array(Type.Object(AgendaItemFields.create, { additionalProperties: false }), {
        maxItems: 1000,
        description: "Items to create with the meeting, in one transaction",
      }),
    ),
  },
  { additionalProperties: false, title: "MeetingCreate" },
);
export const MeetingUpdate = Type.Object(
  {
    organizationId: Type.Optional(fields.organizationId),
    title: Type.Optional(fields.title),
    start: Type.Optional(fields.start),
    end: Type.Optional(fields.end),
    allDay: Type.Optional(fields.allDay),
    location: Type.Optional(fields.location),
    onlineUrl: Type.Optional(fields.onlineUrl),
    state: Type.Optional(MeetingState),
    attendance: Type.Optional(
      Type.Array(Attendance, { maxItems: 500, description: "Replaces the attendance" }),
    ),
  },
  { additionalProperties: false, minProperties: 1, title: "MeetingUpdate" },
);
export const Meeting = Type.Object(
  { id: Id, ...fields, state: MeetingState, ...Audit },
  { title: "Meeting" },
);
export const MeetingDetail = Type.Object(
  {
    id: Id,
    ...fields,
    state: MeetingState,
    ...Audit,
    attendance: Type.Array(Attendance),
    agendaItems: Type.Array(AgendaItem),
  },
  { title: "MeetingDetail" },
);
export const MeetingQuery = Type.Object(
  {
    organizationId: Type.Optional(Id),
    state: Type.Optional(MeetingState),
    from: Type.Optional(Type.String({ format: "date-time", description: "Meetings starting at or after" })),
    to: Type.Optional(Type.String({ format: "date-time", description: "Meetings starting before" })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export type Attendance = Static<typeof Attendance>;
export type MeetingCreate = Static<typeof MeetingCreate>;
export type MeetingUpdate = Static<typeof MeetingUpdate>;
export type Meeting = Static<typeof Meeting>;
export type MeetingDetail = Static<typeof MeetingDetail>;
export type MeetingQuery = Static<typeof MeetingQuery>;
