import type { AgendaItemView } from "../../core/agenda/agenda-item-view.ts";
import type { MeetingView } from "../../core/meetings/meeting-view.ts";
import { minutesArePublic } from "../../core/publication/visibility.ts";
import { formatDateTime, formatShortDate, formatTime } from "../format.ts";
import { html, type SafeHtml } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";
import { label } from "../labels.ts";
import { layout } from "../layout.ts";
import { breadcrumbs, fileList, heading, itemTitle, type PageFrame, renderItem } from "./parts.ts";
import { itemAnchor, paths } from "./paths.ts";

const text = messages(
  {
    front: "Forside",
    bodies: "Organer",
    meetingOn: "Møde",
    time: "Tidspunkt",
    place: "Sted",
    online: "Online",
    onlineLink: "Deltag online",
    state: "Status",
    body: "Organ",
    documents: "Dokumenter",
    agendaPdf: "Dagsorden som PDF",
    minutesPdf: "Referat som PDF",
    print: "Udskriftsvenlig udgave",
    bodyCalendar: "Organets mødekalender (iCal)",
    bodyFeed: "Nyt fra organet (Atom)",
    cancelled: "Mødet er aflyst.",
    agendaNotPublished: "Dagsordenen er ikke offentliggjort endnu.",
    minutesNotPublished: "Referatet er ikke offentliggjort endnu. Beslutningerne vises, når det er.",
    contents: "Punkter på dagsordenen",
    agenda: "Dagsorden",
    minutes: "Referat",
    attendance: "Fremmøde",
    attendanceCaption: "Deltagere, afbud og fravær",
    name: "Navn",
    note: "Bemærkning",
    substituteFor: "Suppleant for",
    meetingFiles: "Mødets dokumenter",
    versions: "Offentliggjorte udgaver",
    agendaVersion: "Dagsorden, udgave",
    minutesVersion: "Referat, udgave",
    published: "offentliggjort",
    noItems: "Dagsordenen har ingen punkter.",
    editionPublic: "Offentlig udgave: lukkede punkter vises kun med nummer.",
    editionMembers: "Medlemmernes udgave: indeholder lukkede punkter. Må ikke videregives.",
    printed: "Udskriftsvenlig udgave af",
    toMeetingPage: "Mødets side",
    plannedCases: "Sager planlagt til mødet",
  },
  {
    front: "Home",
    bodies: "Bodies",
    meetingOn: "Meeting",
    time: "Time",
    place: "Place",
    online: "Online",
    onlineLink: "Join online",
    state: "Status",
    body: "Body",
    documents: "Documents",
    agendaPdf: "Agenda as PDF",
    minutesPdf: "Minutes as PDF",
    print: "Print-friendly version",
    bodyCalendar: "The body's meeting calendar (iCal)",
    bodyFeed: "News from the body (Atom)",
    cancelled: "The meeting is cancelled.",
    agendaNotPublished: "The agenda has not been published yet.",
    minutesNotPublished: "The minutes have not been published yet. Decisions are shown once they are.",
    contents: "Items on the agenda",
    agenda: "Agenda",
    minutes: "Minutes",
    attendance: "Attendance",
    attendanceCaption: "Present, apologies and absent",
    name: "Name",
    note: "Note",
    substituteFor: "Substitute for",
    meetingFiles: "Meeting documents",
    versions: "Published versions",
    agendaVersion: "Agenda, version",
    minutesVersion: "Minutes, version",
    published: "published",
    noItems: "The agenda has no items.",
    editionPublic: "Public edition: closed items are shown by number only.",
    editionMembers: "Members' edition: contains closed items. Not for circulation.",
    printed: "Print-friendly version of",
    toMeetingPage: "The meeting's page",
    plannedCases: "Cases planned for the meeting",
  },
);

export type Edition = "public" | "members";

interface MeetingPageOptions extends PageFrame {
  mode: "page" | "print";
  edition: Edition;
}

/** "fredag den 22. januar 2021 kl. 10.00–13.00". */
function when(view: MeetingView, lang: Lang): string {
  const start = formatDateTime(view.start, lang, view.allDay);
  if (view.allDay || !view.end || view.end.slice(0, 10) !== view.start.slice(0, 10)) {
    return view.end && !view.allDay ? `${start} – ${formatDateTime(view.end, lang)}` : start;
  }
  return `${start}–${formatTime(view.end, lang)}`;
}

/** "Møde 22. januar 2021": how breadcrumbs and lists name a meeting. */
export function meetingLabel(lang: Lang, start: string): string {
  return `${text[lang].meetingOn} ${formatShortDate(start, lang)}`;
}

/** Items with their group headings; items under a heading sit one level deeper. */
function agendaItems(items: readonly AgendaItemView[], lang: Lang, level: number, linkToItemPage: boolean) {
  let group: string | null = null;
  return items.map((item) => {
    const groupHeading =
      item.groupHeading && item.groupHeading !== group
        ? heading(level, item.groupHeading, html` class="group"`)
        : "";
    group = item.groupHeading;
    return html`${groupHeading}${renderItem(item, { lang, level: item.groupHeading ? level + 1 : level, linkToItemPage })}`;
  });
}

function contents(view: MeetingView, lang: Lang): SafeHtml | "" {
  if (view.items.length === 0) return "";
  return html`<nav class="contents" aria-label="${text[lang].contents}"><ol>${view.items.map(
    (item) =>
      html`<li><a href="#${itemAnchor(item.number)}"><span class="item-number">${item.number}.</span> ${itemTitle(lang, item)}</a></li>`,
  )}</ol></nav>`;
}

function attendanceTable(view: MeetingView, lang: Lang): SafeHtml | "" {
  const t = text[lang];
  if (view.attendance.length === 0) return "";
  return html`<section aria-labelledby="fremmoede"><h2 id="fremmoede">${t.attendance}</h2>
<table><caption>${t.attendanceCaption}</caption>
<thead><tr><th scope="col">${t.name}</th><th scope="col">${t.state}</th><th scope="col">${t.note}</th></tr></thead>
<tbody>${view.attendance.map(
    (entry) =>
      html`<tr><th scope="row"><a href="${paths.person(entry.person.id)}">${entry.person.name}</a></th><td>${label.attendance(lang, entry.status)}</td><td>${
        entry.substituteFor
          ? html`${t.substituteFor} <a href="${paths.person(entry.substituteFor.id)}">${entry.substituteFor.name}</a>${entry.note ? `. ${entry.note}` : ""}`
          : (entry.note ?? "")
      }</td></tr>`,
  )}</tbody></table></section>`;
}

function versionList(view: MeetingView, lang: Lang): SafeHtml | "" {
  const t = text[lang];
  if (view.versions.length === 0) return "";
  return html`<section aria-labelledby="udgaver"><h2 id="udgaver">${t.versions}</h2><ul class="versions">${view.versions.map(
    (v) =>
      html`<li>${v.kind === "agenda" ? t.agendaVersion : t.minutesVersion} ${v.version}, ${t.published} ${formatDateTime(v.publishedAt, lang)}${v.note ? html`: ${v.note}` : ""}</li>`,
  )}</ul></section>`;
}

function plannedCases(view: MeetingView, lang: Lang): SafeHtml | "" {
  if (view.plannedCases.length === 0) return "";
  return html`<section aria-labelledby="planlagte-sager"><h2 id="planlagte-sager">${text[lang].plannedCases}</h2>
<ul>${view.plannedCases.map(
    (c) =>
      html`<li><a href="${paths.case(c.id)}">${c.reference ? `${c.reference} ` : ""}${c.title}</a> (${label.purpose(lang, c.purpose)})</li>`,
  )}</ul></section>`;
}

function notices(view: MeetingView, lang: Lang): SafeHtml {
  const t = text[lang];
  const lines: string[] = [];
  if (view.state === "cancelled") lines.push(t.cancelled);
  else if (!view.agendaVisible) lines.push(t.agendaNotPublished);
  else if (!view.minutesVisible && view.state !== "agenda_published") lines.push(t.minutesNotPublished);
  return html`${lines.map((line) => html`<p class="notice">${line}</p>`)}`;
}

/** The meeting's page, or its print-friendly edition: the same content without the site's chrome. */
export function meetingPage(view: MeetingView, options: MeetingPageOptions): SafeHtml {
  const { lang } = options;
  const t = text[lang];
  const org = view.organization;
  const print = options.mode === "print";
  const agendaHeading = view.minutesVisible && minutesArePublic(view.state) ? t.minutes : t.agenda;
  const facts = html`<dl class="facts">
<dt>${t.body}</dt><dd>${print ? org.name : html`<a href="${paths.organization(org.id)}">${org.name}</a>`}</dd>
<dt>${t.time}</dt><dd>${when(view, lang)}</dd>
${view.location ? html`<dt>${t.place}</dt><dd>${view.location}</dd>` : ""}
${view.onlineUrl ? html`<dt>${t.online}</dt><dd><a href="${view.onlineUrl}">${t.onlineLink}</a></dd>` : ""}
<dt>${t.state}</dt><dd>${label.meetingState(lang, view.state)}</dd>
</dl>`;
  const documents = print
    ? ""
    : html`<h2 id="dokumenter" class="visually-hidden">${t.documents}</h2><ul class="actions">
${view.agendaVisible ? html`<li><a href="${paths.agendaPdf(view.id)}">${t.agendaPdf}</a></li>` : ""}
${view.minutesVisible && minutesArePublic(view.state) ? html`<li><a href="${paths.minutesPdf(view.id)}">${t.minutesPdf}</a></li>` : ""}
${view.agendaVisible ? html`<li><a href="${paths.meetingPrint(view.id)}">${t.print}</a></li>` : ""}
<li><a href="${paths.organizationCalendar(org.id)}">${t.bodyCalendar}</a></li>
</ul>`;
  const agenda = view.agendaVisible
    ? html`<section aria-labelledby="dagsorden"><h2 id="dagsorden">${agendaHeading}</h2>
${view.items.length ? agendaItems(view.items, lang, 3, !print) : html`<p>${t.noItems}</p>`}
</section>`
    : "";
  const body = html`${
    print
      ? html`<p class="edition">${options.edition === "members" ? t.editionMembers : t.editionPublic}</p>`
      : breadcrumbs(lang, [
          { label: t.front, href: paths.front() },
          { label: t.bodies, href: paths.organizations() },
          { label: org.shortName ?? org.name, href: paths.organization(org.id) },
          { label: meetingLabel(lang, view.start) },
        ])
  }
<h1>${view.title}</h1>
${facts}
${documents}
${notices(view, lang)}
${view.agendaVisible ? contents(view, lang) : ""}
${agenda}
${plannedCases(view, lang)}
${attendanceTable(view, lang)}
${view.files.length ? html`<section aria-labelledby="moedets-dokumenter"><h2 id="moedets-dokumenter">${t.meetingFiles}</h2>${fileList(lang, view.files)}</section>` : ""}
${versionList(view, lang)}
${print ? html`<p class="no-print"><a href="${paths.meeting(view.id)}">${t.toMeetingPage}</a></p>` : ""}`;
  return layout({
    lang,
    url: options.url,
    signedIn: options.signedIn,
    title: print
      ? `${t.printed} ${view.title}, ${formatShortDate(view.start, lang)}`
      : `${view.title}, ${formatShortDate(view.start, lang)}`,
    chrome: print ? "print" : "full",
    head: print
      ? ""
      : html`<link rel="alternate" type="text/calendar" href="${paths.organizationCalendar(org.id)}" title="${t.bodyCalendar}">
<link rel="alternate" type="application/atom+xml" href="${paths.organizationFeed(org.id)}" title="${t.bodyFeed}">`,
    body,
  });
}
