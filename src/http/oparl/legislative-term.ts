import { type LegislativeTermRecord, loadLegislativeTerms } from "../../core/oparl/oparl-records.ts";
import { type OParlKind, type OParlObject, oparlObject, VENDOR } from "./oparl-object.ts";
import type { OParlUrls } from "./oparl-urls.ts";

/** An election term (valgperiode); one body's own names it in `samraad:organization`. */
export function presentLegislativeTerm(t: LegislativeTermRecord, urls: OParlUrls): OParlObject {
  return oparlObject(
    "legislativeTerm",
    urls.object("legislativeTerm", t.id),
    {
      body: urls.body(),
      name: t.name,
      startDate: t.startDate,
      endDate: t.endDate,
      [`${VENDOR}:organization`]: urls.optional("organization", t.organizationId),
    },
    t,
  );
}

export const legislativeTermKind: OParlKind<LegislativeTermRecord> = {
  type: "legislativeTerm",
  load: loadLegislativeTerms,
  present: presentLegislativeTerm,
};
