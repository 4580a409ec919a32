import { loadMeetings, type MeetingRecord } from "../../core/oparl/oparl-records.ts";
import { presentAgendaItem } from "./agenda-item.ts";
import { presentFile } from "./file.ts";
import { meetingStateLabels } from "./labels.ts";
import { presentLocation } from "./location.ts";
import { type OParlKind, oparlObject, VENDOR } from "./oparl-object.ts";

/** A meeting with its agenda (embedded items in order), place, files and, once public, who attended. */
export const meetingKind: OParlKind<MeetingRecord> = {
  type: "meeting",
  load: loadMeetings,
  present: (m, urls) =>
    oparlObject(
      "meeting",
      urls.object("meeting", m.id),
      {
        name: m.title,
        meetingState: meetingStateLabels[m.state],
        cancelled: m.state === "cancelled",
        start: m.start,
        end: m.end,
        location: m.place ? presentLocation(m.place, urls) : undefined,
        organization: [urls.object("organization", m.organizationId)],
        participant: m.participantIds.map((id) => urls.object("person", id)),
        agendaItem: m.agendaItems.map((item) => presentAgendaItem(item, urls)),
        auxiliaryFile: m.files.map((f) => presentFile(f, urls, true)),
        [`${VENDOR}:state`]: m.state,
        // Only the date is set: start is local midnight, which is not the time it begins.
        [`${VENDOR}:allDay`]: m.allDay ? "true" : undefined,
        [`${VENDOR}:onlineUrl`]: m.onlineUrl,
      },
      m,
    ),
};
