import { type ConsultationRecord, loadConsultations } from "../../core/oparl/oparl-records.ts";
import { label } from "../../web/labels.ts";
import { type OParlKind, type OParlObject, oparlObject, VENDOR } from "./oparl-object.ts";
import type { OParlUrls } from "./oparl-urls.ts";

/** A treatment of a case: at an agenda item, or planned for a body on a date (`samraad:plannedDate`). */
export function presentConsultation(c: ConsultationRecord, urls: OParlUrls): OParlObject {
  return oparlObject(
    "consultation",
    urls.object("consultation", c.id),
    {
      paper: urls.object("paper", c.caseId),
      agendaItem: urls.optional("agendaItem", c.agendaItemId),
      meeting: urls.optional("meeting", c.meetingId),
      organization: c.organizationId ? [urls.object("organization", c.organizationId)] : undefined,
      authoritative: c.purpose === "decision",
      role: label.purpose("da", c.purpose),
      [`${VENDOR}:purpose`]: c.purpose,
      [`${VENDOR}:plannedDate`]: c.planned ? c.plannedDate : undefined,
    },
    c,
  );
}

export const consultationKind: OParlKind<ConsultationRecord> = {
  type: "consultation",
  load: loadConsultations,
  present: presentConsultation,
};
