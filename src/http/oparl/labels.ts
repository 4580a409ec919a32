import type { consultationPurposes, Outcome } from "../../core/agenda/agenda-item.schema.ts";
import type { membershipRoles } from "../../core/memberships/membership.schema.ts";
import type { organizationKinds } from "../../core/organizations/organization.schema.ts";
import type { MeetingState } from "../../core/publication/visibility.ts";

/**
 * The words OParl shows for the record's codes. Free-text properties get Danish words; where the
 * OParl specification recommends a vocabulary that clients interpret (`organizationType`,
 * `meetingState`), its words are used.
 */
export const roleLabels: Record<(typeof membershipRoles)[number], string> = {
  chair: "formand",
  vice_chair: "næstformand",
  member: "medlem",
  substitute: "suppleant",
  observer: "observatør",
  secretariat: "sekretariat",
};

export const outcomeLabels: Record<Outcome, string | null> = {
  approved: "Godkendt",
  approved_with_changes: "Godkendt med ændringer",
  noted: "Taget til efterretning",
  discussed: "Drøftet",
  recommended_onward: "Indstillet",
  postponed: "Udsat",
  rejected: "Afvist",
  none: null,
};

export const purposeLabels: Record<(typeof consultationPurposes)[number], string> = {
  information: "Til orientering",
  discussion: "Til drøftelse",
  decision: "Til beslutning",
};

type OrganizationKind = (typeof organizationKinds)[number];

/** `classification`: what sort of organisation, in the body's own words. */
export const kindLabels: Record<OrganizationKind, string> = {
  political_body: "Politisk organ",
  administrative_network: "Administrativt netværk",
  steering_group: "Styregruppe",
  committee: "Udvalg",
  council: "Råd",
  partnership: "Partnerskab",
  municipality: "Kommune",
  region: "Region",
  external: "Ekstern organisation",
};

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
