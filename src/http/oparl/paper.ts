import { loadPapers, type PaperRecord } from "../../core/oparl/oparl-records.ts";
import { presentConsultation } from "./consultation.ts";
import { presentFile } from "./file.ts";
import { type OParlKind, oparlObject, VENDOR } from "./oparl-object.ts";

/** A case (sag) with its path through the bodies (consultations, embedded) and its files. */
export const paperKind: OParlKind<PaperRecord> = {
  type: "paper",
  load: loadPapers,
  present: (p, urls) =>
    oparlObject(
      "paper",
      urls.object("paper", p.id),
      {
        body: urls.body(),
        name: p.title,
        reference: p.reference,
        consultation: p.consultations.map((c) => presentConsultation(c, urls)),
        auxiliaryFile: p.files.map((f) => presentFile(f, urls, true)),
        [`${VENDOR}:status`]: p.status,
      },
      p,
    ),
};
