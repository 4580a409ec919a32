import type { Outcome } from "../core/agenda/agenda-item.schema.ts";
import type { ConsultationPurpose } from "../core/agenda/agenda-item-view.ts";
import type { Attendance } from "../core/meetings/meeting.schema.ts";
import type { Membership } from "../core/memberships/membership.schema.ts";
import type { Organization } from "../core/organizations/organization.schema.ts";
import type { MeetingState } from "../core/publication/visibility.ts";
import type { Lang } from "./i18n.ts";

/**
 * The record's closed vocabularies in the reader's words: the one wording for the portal, the
 * workspace, the feeds, the PDF documents and OParl's free-text properties. A word placed inside a
 * sentence is lower-cased where it is used.
 */
type Labels<Key extends string> = Readonly<Record<Lang, Readonly<Record<Key, string>>>>;

const meetingStates: Labels<MeetingState> = {
  da: {
    planned: "Planlagt",
    agenda_published: "Dagsorden offentliggjort",
    held: "Afholdt",
    minutes_approved: "Referat godkendt",
    minutes_published: "Referat offentliggjort",
    cancelled: "Aflyst",
  },
  en: {
    planned: "Planned",
    agenda_published: "Agenda published",
    held: "Held",
    minutes_approved: "Minutes approved",
    minutes_published: "Minutes published",
    cancelled: "Cancelled",
  },
};

const outcomes: Labels<Outcome> = {
  da: {
    approved: "Godkendt",
    approved_with_changes: "Godkendt med ændringer",
    noted: "Taget til efterretning",
    discussed: "Drøftet",
    recommended_onward: "Indstillet videre",
    postponed: "Udsat",
    rejected: "Afvist",
    none: "Ingen beslutning",
  },
  en: {
    approved: "Approved",
    approved_with_changes: "Approved with changes",
    noted: "Noted",
    discussed: "Discussed",
    recommended_onward: "Recommended onward",
    postponed: "Postponed",
    rejected: "Rejected",
    none: "No decision",
  },
};

const purposes: Labels<ConsultationPurpose> = {
  da: { information: "Orientering", discussion: "Drøftelse", decision: "Beslutning" },
  en: { information: "Information", discussion: "Discussion", decision: "Decision" },
};

/** The purpose as a phrase: "the case is treated til beslutning". */
const purposePhrases: Labels<ConsultationPurpose> = {
  da: { information: "Til orientering", discussion: "Til drøftelse", decision: "Til beslutning" },
  en: { information: "For information", discussion: "For discussion", decision: "For decision" },
};

const roles: Labels<Membership["role"]> = {
  da: {
    chair: "Formand",
    vice_chair: "Næstformand",
    member: "Medlem",
    substitute: "Suppleant",
    observer: "Observatør",
    secretariat: "Sekretariat",
  },
  en: {
    chair: "Chair",
    vice_chair: "Vice-chair",
    member: "Member",
    substitute: "Substitute",
    observer: "Observer",
    secretariat: "Secretariat",
  },
};

/** Kinds in the plural, as headings of the directory. */
const kindsPlural: Labels<Organization["kind"]> = {
  da: {
    political_body: "Politiske organer",
    administrative_network: "Administrative netværk",
    steering_group: "Styregrupper",
    committee: "Udvalg",
    council: "Råd",
    partnership: "Partnerskaber",
    municipality: "Kommuner",
    region: "Regioner",
    external: "Andre organisationer",
  },
  en: {
    political_body: "Political bodies",
    administrative_network: "Administrative networks",
    steering_group: "Steering groups",
    committee: "Committees",
    council: "Councils",
    partnership: "Partnerships",
    municipality: "Municipalities",
    region: "Regions",
    external: "Other organisations",
  },
};

const kinds: Labels<Organization["kind"]> = {
  da: {
    political_body: "Politisk organ",
    administrative_network: "Administrativt netværk",
    steering_group: "Styregruppe",
    committee: "Udvalg",
    council: "Råd",
    partnership: "Partnerskab",
    municipality: "Kommune",
    region: "Region",
    external: "Anden organisation",
  },
  en: {
    political_body: "Political body",
    administrative_network: "Administrative network",
    steering_group: "Steering group",
    committee: "Committee",
    council: "Council",
    partnership: "Partnership",
    municipality: "Municipality",
    region: "Region",
    external: "Other organisation",
  },
};

const attendance: Labels<Attendance["status"]> = {
  da: { present: "Til stede", absent: "Fraværende", excused: "Afbud" },
  en: { present: "Present", absent: "Absent", excused: "Apologies" },
};

/** A code of the record in the reader's language. */
export const label = {
  meetingState: (lang: Lang, state: MeetingState) => meetingStates[lang][state],
  outcome: (lang: Lang, outcome: Outcome) => outcomes[lang][outcome],
  purpose: (lang: Lang, purpose: ConsultationPurpose) => purposes[lang][purpose],
  purposePhrase: (lang: Lang, purpose: ConsultationPurpose) => purposePhrases[lang][purpose],
  role: (lang: Lang, role: Membership["role"]) => roles[lang][role],
  kind: (lang: Lang, kind: Organization["kind"]) => kinds[lang][kind],
  kindPlural: (lang: Lang, kind: Organization["kind"]) => kindsPlural[lang][kind],
  attendance: (lang: Lang, status: Attendance["status"]) => attendance[lang][status],
};

/** Kinds of organisation that meet (bodies), in the order the directory lists them. */
export const bodyKinds: readonly Organization["kind"][] = [
  "political_body",
  "administrative_network",
  "committee",
  "steering_group",
  "council",
  "partnership",
];
/** Organisations members come from or act on behalf of. */
export const sourceKinds: readonly Organization["kind"][] = ["municipality", "region", "external"];
