import type { MeetingSummary } from "../../core/meetings/meeting-lists.ts";
import type { SeatsByPeriod, SeatView } from "../../core/memberships/seats.ts";
import type {
  DirectoryEntry,
  OrganizationOverview,
} from "../../core/organizations/organization-directory.ts";
import { formatShortDate } from "../format.ts";
import { html, type SafeHtml } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";
import { bodyKinds, label, sourceKinds } from "../labels.ts";
import { layout } from "../layout.ts";
import type { PageFrame } from "./parts.ts";
import { breadcrumbs, period } from "./parts.ts";
import { paths } from "./paths.ts";
import { calendarTable, seatsTable } from "./tables.ts";

const text = messages(
  {
    front: "Forside",
    bodies: "Organer",
    intro: "Organer, der holder møder, og de organisationer, deres medlemmer kommer fra.",
    ended: "ophørt",
    kind: "Type",
    parent: "Hører under",
    website: "Hjemmeside",
    active: "Aktiv",
    children: "Under organet",
    members: "Medlemmer",
    membersCaption: "Medlemmer pr. {date}",
    noMembers: "Der er ingen medlemmer registreret.",
    futureMembers: "Kommende medlemmer",
    pastMembers: "Tidligere medlemmer",
    noPastMembers: "Der er ingen tidligere medlemmer registreret.",
    calendar: "Mødekalender",
    coming: "Kommende møder",
    noComing: "Der er ingen kommende møder i kalenderen.",
    past: "Tidligere møder",
    noPast: "Der er ingen tidligere møder i kalenderen.",
    follow: "Følg organet",
    calendarFeed: "Mødekalender (iCal)",
    newsFeed: "Nyt fra organet (Atom)",
    onBehalf: "Udpeget på vegne af {name}",
    onBehalfCaption: "Pladser, der besiddes på vegne af {name}",
    noOnBehalf: "Ingen.",
  },
  {
    front: "Home",
    bodies: "Bodies",
    intro: "Bodies that hold meetings, and the organisations their members come from.",
    ended: "ended",
    kind: "Kind",
    parent: "Part of",
    website: "Website",
    active: "Active",
    children: "Under this body",
    members: "Members",
    membersCaption: "Members as of {date}",
    noMembers: "No members are recorded.",
    futureMembers: "Coming members",
    pastMembers: "Former members",
    noPastMembers: "No former members are recorded.",
    calendar: "Meeting calendar",
    coming: "Coming meetings",
    noComing: "There are no coming meetings in the calendar.",
    past: "Past meetings",
    noPast: "There are no past meetings in the calendar.",
    follow: "Follow the body",
    calendarFeed: "Meeting calendar (iCal)",
    newsFeed: "News from the body (Atom)",
    onBehalf: "Appointed on behalf of {name}",
    onBehalfCaption: "Seats held on behalf of {name}",
    noOnBehalf: "None.",
  },
);

function entryLink(lang: Lang, org: DirectoryEntry): SafeHtml {
  return html`<li><a href="${paths.organization(org.id)}">${org.name}</a>${org.shortName && org.shortName !== org.name ? ` (${org.shortName})` : ""}${org.ended ? html` <span class="meta">(${text[lang].ended})</span>` : ""}</li>`;
}

/** Every organisation, bodies first, grouped by kind. */
export function organizationsPage(entries: readonly DirectoryEntry[], options: PageFrame) {
  const { lang } = options;
  const t = text[lang];
  const groups = [...bodyKinds, ...sourceKinds].flatMap((kind) => {
    const ofKind = entries.filter((e) => e.kind === kind);
    if (ofKind.length === 0) return [];
    return [
      html`<section aria-labelledby="type-${kind}"><h2 id="type-${kind}">${label.kindPlural(lang, kind)}</h2>
<ul class="directory">${ofKind.map((org) => entryLink(lang, org))}</ul></section>`,
    ];
  });
  return layout({
    lang,
    url: options.url,
    signedIn: options.signedIn,
    title: t.bodies,
    body: html`${breadcrumbs(lang, [{ label: t.front, href: paths.front() }, { label: t.bodies }])}
<h1>${t.bodies}</h1>
<p class="lead">${t.intro}</p>
${groups}`,
  });
}

interface OrganizationPageData {
  overview: OrganizationOverview;
  members: SeatsByPeriod;
  onBehalfOf: SeatView[];
  coming: MeetingSummary[];
  past: MeetingSummary[];
  today: string;
}

/** One body: who sits in it now and before, on whose behalf, and its calendar. */
export function organizationPage(data: OrganizationPageData, options: PageFrame): SafeHtml {
  const { lang } = options;
  const t = text[lang];
  const { organization: org, parent, children } = data.overview;
  const { members } = data;
  const meets =
    bodyKinds.includes(org.kind) ||
    data.coming.length + data.past.length + members.current.length + members.past.length > 0;
  const activePeriod = period(lang, org.startDate, org.endDate);
  const membersSection = meets
    ? html`<section aria-labelledby="medlemmer"><h2 id="medlemmer">${t.members}</h2>
${seatsTable(lang, members.current, {
  caption: t.membersCaption.replace("{date}", formatShortDate(data.today, lang)),
  first: "person",
  empty: t.noMembers,
})}
${members.future.length ? html`<h3>${t.futureMembers}</h3>${seatsTable(lang, members.future, { caption: t.futureMembers, first: "person", empty: "" })}` : ""}
<h3>${t.pastMembers}</h3>
${seatsTable(lang, members.past, { caption: t.pastMembers, first: "person", empty: t.noPastMembers })}
</section>
<section aria-labelledby="kalender"><h2 id="kalender">${t.calendar}</h2>
<p class="feeds">${t.follow}: <a href="${paths.organizationCalendar(org.id)}">${t.calendarFeed}</a> · <a href="${paths.organizationFeed(org.id)}">${t.newsFeed}</a></p>
<h3>${t.coming}</h3>
${calendarTable(lang, data.coming, { caption: t.coming, captionHidden: true, showBody: false, empty: t.noComing })}
<h3>${t.past}</h3>
${calendarTable(lang, data.past, { caption: t.past, captionHidden: true, showBody: false, empty: t.noPast })}
</section>`
    : "";
  const onBehalf = data.onBehalfOf.length
    ? html`<section aria-labelledby="paa-vegne-af"><h2 id="paa-vegne-af">${t.onBehalf.replace("{name}", org.name)}</h2>
${seatsTable(lang, data.onBehalfOf, { caption: t.onBehalfCaption.replace("{name}", org.name), first: "person", empty: t.noOnBehalf })}
</section>`
    : "";
  return layout({
    lang,
    url: options.url,
    signedIn: options.signedIn,
    title: org.name,
    head: meets
      ? html`<link rel="alternate" type="text/calendar" href="${paths.organizationCalendar(org.id)}" title="${t.calendarFeed}">
<link rel="alternate" type="application/atom+xml" href="${paths.organizationFeed(org.id)}" title="${t.newsFeed}">`
      : "",
    body: html`${breadcrumbs(lang, [
      { label: t.front, href: paths.front() },
      { label: t.bodies, href: paths.organizations() },
      { label: org.shortName ?? org.name },
    ])}
<h1>${org.name}${org.shortName && org.shortName !== org.name ? html` <span class="short-name">(${org.shortName})</span>` : ""}</h1>
<dl class="facts">
<dt>${t.kind}</dt><dd>${label.kind(lang, org.kind)}</dd>
${parent ? html`<dt>${t.parent}</dt><dd><a href="${paths.organization(parent.id)}">${parent.name}</a></dd>` : ""}
${org.website ? html`<dt>${t.website}</dt><dd><a href="${org.website}">${org.website}</a></dd>` : ""}
${activePeriod ? html`<dt>${t.active}</dt><dd>${activePeriod}</dd>` : ""}
</dl>
${children.length ? html`<h2>${t.children}</h2><ul>${children.map((c) => html`<li><a href="${paths.organization(c.id)}">${c.name}</a></li>`)}</ul>` : ""}
${membersSection}
${onBehalf}`,
  });
}
