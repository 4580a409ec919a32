import { loadPeople, type PersonRecord } from "../../core/oparl/oparl-records.ts";
import { presentMembership } from "./membership.ts";
import { type OParlKind, oparlObject } from "./oparl-object.ts";

/** A person with every appointment, past ones included (embedded, as OParl has it). */
export const personKind: OParlKind<PersonRecord> = {
  type: "person",
  load: loadPeople,
  present: (p, urls) =>
    oparlObject(
      "person",
      urls.object("person", p.id),
      {
        body: urls.body(),
        name: p.name,
        // The record's title is a position (kommunaldirektør), which OParl calls status.
        status: p.title ? [p.title] : undefined,
        membership: p.memberships.map((m) => presentMembership(m, urls)),
      },
      p,
    ),
};
