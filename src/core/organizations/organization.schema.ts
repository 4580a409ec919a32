import { type Static, Type } from "typebox";
import { Audit, DateOnly, Id, Nullable, PageQuery, Text } from "../shared/schema.ts";

export const organizationKinds = [
  "political_body",
  "administrative_network",
  "steering_group",
  "committee",
  "council",
  "partnership",
  "municipality",
  "region",
  "external",
] as const;

/** Kinds that are themselves bodies that meet (and so have a secretariat and members), as opposed to the organisations members come from. */
export const meetingBodyKinds: readonly (typeof organizationKinds)[number][] = organizationKinds.filter(
  (kind) => !["municipality", "region", "external"].includes(kind),
);

const fields = {
  name: Text({ description: "Full name, e.g. Kommunaldirektørnetværket i Midtjylland" }),
  shortName: Nullable(Text({ maxLength: 100, description: "Short name, e.g. KD-Net" })),
  kind: Type.Enum(organizationKinds, { description: "What sort of organisation this is" }),
  parentId: Nullable(Id),
  website: Nullable(Type.String({ format: "uri", maxLength: 2000 })),
  startDate: Nullable(DateOnly),
  endDate: Nullable(DateOnly),
};

export const OrganizationCreate = Type.Object(
  {
    name: fields.name,
    shortName: Type.Optional(fields.shortName),
    kind: fields.kind,
    parentId: Type.Optional(fields.parentId),
    website: Type.Optional(fields.website),
    startDate: Type.Optional(fields.startDate),
    endDate: Type.Optional(fields.endDate),
  },
  { additionalProperties: false, title: "OrganizationCreate" },
);
export const OrganizationUpdate = Type.Partial(OrganizationCreate, {
  additionalProperties: false,
  minProperties: 1,
  title: "OrganizationUpdate",
});
export const Organization = Type.Object({ id: Id, ...fields, ...Audit }, { title: "Organization" });
export const OrganizationQuery = Type.Object(
  {
    kind: Type.Optional(fields.kind),
    parentId: Type.Optional(Id),
    name: Type.Optional(Type.String({ description: "Part of the name or short name, any case" })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export type OrganizationCreate = Static<typeof OrganizationCreate>;
export type OrganizationUpdate = Static<typeof OrganizationUpdate>;
export type Organization = Static<typeof Organization>;
export type OrganizationQuery = Static<typeof OrganizationQuery>;
