import { type Static, Type } from "typebox";
import { Audit, DateOnly, Id, Nullable, PageQuery, Text } from "../shared/schema.ts";

const fields = {
  organizationId: Nullable(Id),
  name: Text({ maxLength: 200, description: "e.g. Valgperioden 2018-2021" }),
  startDate: DateOnly,
  endDate: DateOnly,
};

export const LegislativeTermCreate = Type.Object(
  {
    organizationId: Type.Optional(fields.organizationId),
    name: fields.name,
    startDate: fields.startDate,
    endDate: fields.endDate,
  },
  {
    additionalProperties: false,
    title: "LegislativeTermCreate",
    description: "An election term (valgperiode)",
  },
);
export const LegislativeTermUpdate = Type.Partial(LegislativeTermCreate, {
  additionalProperties: false,
  minProperties: 1,
  title: "LegislativeTermUpdate",
});
export const LegislativeTerm = Type.Object({ id: Id, ...fields, ...Audit }, { title: "LegislativeTerm" });
export const LegislativeTermQuery = Type.Object(
  { organizationId: Type.Optional(Id), ...PageQuery },
  { additionalProperties: false },
);

export type LegislativeTermCreate = Static<typeof LegislativeTermCreate>;
export type LegislativeTermUpdate = Static<typeof LegislativeTermUpdate>;
export type LegislativeTerm = Static<typeof LegislativeTerm>;
export type LegislativeTermQuery = Static<typeof LegislativeTermQuery>;
