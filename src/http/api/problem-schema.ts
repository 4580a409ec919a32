import { Type } from "typebox";

/** RFC 9457 problem details as documented in the OpenAPI document. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String({ description: "What is wrong, naming the field" }),
    code: Type.String({ description: "Stable error code, e.g. membership.overlap" }),
    field: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
  },
  { title: "Problem", additionalProperties: true },
);
