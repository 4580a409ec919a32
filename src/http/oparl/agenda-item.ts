import { type AgendaItemRecord, loadAgendaItems } from "../../core/oparl/oparl-records.ts";
import { label } from "../../web/labels.ts";
import { presentFile } from "./file.ts";
import { type OParlKind, type OParlObject, oparlObject, VENDOR } from "./oparl-object.ts";
import type { OParlUrls } from "./oparl-urls.ts";

/**
 * An agenda item as the public sees it (core's visibility has already redacted it): a closed item
 * keeps its number and shows "Lukket punkt"; the decision appears once the minutes are published.
 * The sections OParl lacks are vendor properties.
 */
export function presentAgendaItem(i: AgendaItemRecord, urls: OParlUrls): OParlObject {
  return oparlObject(
    "agendaItem",
    urls.object("agendaItem", i.id),
    {
      meeting: urls.object("meeting", i.meetingId),
      number: i.number,
      order: i.order,
      name: i.title,
      public: i.isPublic,
      consultation: urls.optional("consultation", i.consultationId),
      result: i.outcome && i.outcome !== "none" ? label.outcome("da", i.outcome) : undefined,
      resolutionText: i.decision,
      auxiliaryFile: i.files.map((f) => presentFile(f, urls, true)),
      [`${VENDOR}:groupHeading`]: i.groupHeading,
      [`${VENDOR}:background`]: i.background,
      [`${VENDOR}:recommendation`]: i.recommendation,
      [`${VENDOR}:casePresentation`]: i.casePresentation,
      [`${VENDOR}:finance`]: i.finance,
      [`${VENDOR}:presenters`]: i.presenterNames.join(", "),
    },
    i,
  );
}

export const agendaItemKind: OParlKind<AgendaItemRecord> = {
  type: "agendaItem",
  load: loadAgendaItems,
  present: presentAgendaItem,
};
