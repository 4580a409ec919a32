import type { organizationKinds } from "../../core/organizations/organization.schema.ts";
import type { MeetingState } from "../../core/publication/visibility.ts";

/**
 * The OParl specification's own vocabularies, which clients interpret (`organizationType`,
 * `meetingState`). Free-text properties (`role`, `result`, `classification`) take the record's
 * Danish words from `web/labels.ts`.
 */

type OrganizationKind = (typeof organizationKinds)[number];

/** `organizationType`: the specification's coarse categories ("Gremium", "Institution", ...). */
export const organizationTypes: Record<OrganizationKind, string> = {
  political_body: "Gremium",
  administrative_network: "Gremium",
  steering_group: "Gremium",
  committee: "Gremium",
  council: "Gremium",
  partnership: "Sonstiges",
  municipality: "Institution",
  region: "Institution",
  external: "Institution",
};

/** `meetingState`: the specification's recommended words; a cancelled meeting says `cancelled`. */
export const meetingStateLabels: Record<MeetingState, string | null> = {
  planned: "terminiert",
  agenda_published: "eingeladen",
  held: "eingeladen",
  minutes_approved: "eingeladen",
  minutes_published: "durchgeführt",
  cancelled: null,
};
