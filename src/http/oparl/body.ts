import type { LegislativeTermRecord } from "../../core/oparl/oparl-records.ts";
import { presentLegislativeTerm } from "./legislative-term.ts";
import { type OParlObject, oparlObject } from "./oparl-object.ts";
import type { OParlUrls } from "./oparl-urls.ts";

/**
 * The installation as one OParl body: the cooperation bodies it serves are its organisations.
 * It names every list and embeds every legislative term.
 */
export function presentBody(
  urls: OParlUrls,
  installationName: string,
  terms: readonly LegislativeTermRecord[],
  times: { created: string; modified: string },
): OParlObject {
  return oparlObject(
    "body",
    urls.body(),
    {
      system: urls.system(),
      name: installationName,
      organization: urls.list("organization"),
      person: urls.list("person"),
      meeting: urls.list("meeting"),
      paper: urls.list("paper"),
      agendaItem: urls.list("agendaItem"),
      consultation: urls.list("consultation"),
      file: urls.list("file"),
      locationList: urls.list("location"),
      legislativeTermList: urls.list("legislativeTerm"),
      membership: urls.list("membership"),
      legislativeTerm: terms.map((term) => presentLegislativeTerm(term, urls)),
    },
    times,
  );
}
