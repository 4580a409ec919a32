import { loadMemberships, type MembershipRecord } from "../../core/oparl/oparl-records.ts";
import { label } from "../../web/labels.ts";
import { type OParlKind, type OParlObject, oparlObject, VENDOR } from "./oparl-object.ts";
import type { OParlUrls } from "./oparl-urls.ts";

/** An appointment (udpegning): a person's seat in an organisation, for whom, and when. */
export function presentMembership(m: MembershipRecord, urls: OParlUrls): OParlObject {
  return oparlObject(
    "membership",
    urls.object("membership", m.id),
    {
      person: urls.object("person", m.personId),
      organization: urls.object("organization", m.organizationId),
      role: label.role("da", m.role),
      startDate: m.startDate,
      endDate: m.endDate,
      onBehalfOf: urls.optional("organization", m.onBehalfOfId),
      [`${VENDOR}:role`]: m.role,
      [`${VENDOR}:substituteFor`]: urls.optional("person", m.principalPersonId),
    },
    m,
  );
}

export const membershipKind: OParlKind<MembershipRecord> = {
  type: "membership",
  load: loadMemberships,
  present: presentMembership,
};
