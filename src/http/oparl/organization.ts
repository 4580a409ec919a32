import { loadOrganizations, type OrganizationRecord } from "../../core/oparl/oparl-records.ts";
import { label } from "../../web/labels.ts";
import { organizationTypes } from "./labels.ts";
import { type OParlKind, oparlObject, VENDOR } from "./oparl-object.ts";

/** An organisation: a body that meets, or one its members come from (a municipality, a region). */
export const organizationKind: OParlKind<OrganizationRecord> = {
  type: "organization",
  load: loadOrganizations,
  present: (o, urls) =>
    oparlObject(
      "organization",
      urls.object("organization", o.id),
      {
        body: urls.body(),
        name: o.name,
        shortName: o.shortName,
        membership: o.membershipIds.map((id) => urls.object("membership", id)),
        meeting: urls.organizationMeetings(o.id),
        subOrganizationOf: urls.optional("organization", o.parentId),
        organizationType: organizationTypes[o.kind],
        classification: label.kind("da", o.kind),
        startDate: o.startDate,
        endDate: o.endDate,
        website: o.website,
        [`${VENDOR}:kind`]: o.kind,
      },
      o,
    ),
};
