import { type Static, Type } from "typebox";
import { Audit, Id, Nullable, PageQuery, Text } from "../shared/schema.ts";

const attachment = {
  agendaItemId: Nullable(Id),
  meetingId: Nullable(Id),
  caseId: Nullable(Id),
};

/** Metadata sent with an upload (the bytes are the request body). Exactly one attachment. */
export const FileUpload = Type.Object(
  {
    name: Text({ maxLength: 300, description: "File name, e.g. Bilag 1 - Klimastrategi.pdf" }),
    agendaItemId: Type.Optional(Id),
    meetingId: Type.Optional(Id),
    caseId: Type.Optional(Id),
  },
  { additionalProperties: false, title: "FileUpload" },
);
export const FileUpdate = Type.Object(
  {
    name: Type.Optional(Text({ maxLength: 300 })),
    extractedText: Type.Optional(Nullable(Type.String({ maxLength: 10_000_000 }))),
    agendaItemId: Type.Optional(attachment.agendaItemId),
    meetingId: Type.Optional(attachment.meetingId),
    caseId: Type.Optional(attachment.caseId),
  },
  { additionalProperties: false, minProperties: 1, title: "FileUpdate" },
);
export const StoredFile = Type.Object(
  {
    id: Id,
    name: Type.String(),
    mediaType: Type.String(),
    sizeBytes: Type.Integer({ minimum: 0 }),
    sha256: Type.String({ pattern: "^[0-9a-f]{64}$" }),
    extractedText: Nullable(Type.String()),
    ...attachment,
    ...Audit,
  },
  { title: "File" },
);
export const FileQuery = Type.Object(
  {
    agendaItemId: Type.Optional(Id),
    meetingId: Type.Optional(Id),
    caseId: Type.Optional(Id),
    sha256: Type.Optional(Type.String({ pattern: "^[0-9a-f]{64}$" })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export type FileUpload = Static<typeof FileUpload>;
export type FileUpdate = Static<typeof FileUpdate>;
export type StoredFile = Static<typeof StoredFile>;
export type FileQuery = Static<typeof FileQuery>;
