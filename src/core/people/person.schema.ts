import { type Static, Type } from "typebox";
import { Audit, DateOnly, Id, Nullable, PageQuery, Text } from "../shared/schema.ts";

export const Affiliation = Type.Object(
  {
    position: Nullable(Text({ maxLength: 200, description: "e.g. kommunaldirektør" })),
    organizationId: Nullable(Id),
    startDate: Nullable(DateOnly),
    endDate: Nullable(DateOnly),
  },
  { additionalProperties: false, description: "Where the person worked, as what, and when" },
);

const fields = {
  name: Text({ maxLength: 200 }),
  title: Nullable(Text({ maxLength: 200, description: "Current title or position" })),
  affiliations: Type.Array(Affiliation, { maxItems: 100, description: "Affiliation history" }),
};

export const PersonCreate = Type.Object(
  { name: fields.name, title: Type.Optional(fields.title), affiliations: Type.Optional(fields.affiliations) },
  { additionalProperties: false, title: "PersonCreate" },
);
export const PersonUpdate = Type.Partial(PersonCreate, {
  additionalProperties: false,
  minProperties: 1,
  title: "PersonUpdate",
});
export const Person = Type.Object({ id: Id, ...fields, ...Audit }, { title: "Person" });
export const PersonQuery = Type.Object(
  {
    name: Type.Optional(Type.String({ description: "Part of the name, any case" })),
    organizationId: Type.Optional(Id),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export type Affiliation = Static<typeof Affiliation>;
export type PersonCreate = Static<typeof PersonCreate>;
export type PersonUpdate = Static<typeof PersonUpdate>;
export type Person = Static<typeof Person>;
export type PersonQuery = Static<typeof PersonQuery>;
