import { type FileRecord, loadFiles } from "../../core/oparl/oparl-records.ts";
import { type OParlKind, type OParlObject, oparlObject, VENDOR } from "./oparl-object.ts";
import type { OParlUrls } from "./oparl-urls.ts";

/**
 * A file's metadata. Embedded in what it is attached to, it leaves out the back-references and
 * the extracted text (OParl: back-references only when fetched on its own).
 */
export function presentFile(f: FileRecord, urls: OParlUrls, embedded: boolean): OParlObject {
  return oparlObject(
    "file",
    urls.object("file", f.id),
    {
      name: f.name,
      fileName: f.name,
      mimeType: f.mediaType,
      size: f.sizeBytes,
      accessUrl: urls.fileAccess(f.id),
      downloadUrl: urls.fileDownload(f.id),
      text: embedded ? undefined : (f.extractedText ?? undefined),
      agendaItem: embedded || !f.agendaItemId ? undefined : [urls.object("agendaItem", f.agendaItemId)],
      meeting: embedded || !f.meetingId ? undefined : [urls.object("meeting", f.meetingId)],
      paper: embedded || !f.caseId ? undefined : [urls.object("paper", f.caseId)],
      [`${VENDOR}:sha256`]: f.sha256,
    },
    f,
  );
}

export const fileKind: OParlKind<FileRecord> = {
  type: "file",
  load: loadFiles,
  present: (f, urls) => presentFile(f, urls, false),
};
