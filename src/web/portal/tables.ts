import type { MeetingSummary } from "../../core/meetings/meeting-lists.ts";
import type { SeatView } from "../../core/memberships/seats.ts";
import { formatDateTime, formatShortDate } from "../format.ts";
import { html, type SafeHtml } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";
import { label } from "../labels.ts";
import { period } from "./parts.ts";
import { itemAnchor, paths } from "./paths.ts";

const text = messages(
  {
    date: "Dato",
    meeting: "Møde",
    body: "Organ",
    state: "Status",
    name: "Navn",
    role: "Rolle",
    onBehalfOf: "På vegne af",
    period: "Periode",
    decidedAt: "Udpeget",
    substituteFor: "suppleant for",
    itemOfMeeting: "punkt {number}, møde {date}",
    none: "Ingen.",
  },
  {
    date: "Date",
    meeting: "Meeting",
    body: "Body",
    state: "Status",
    name: "Name",
    role: "Role",
    onBehalfOf: "On behalf of",
    period: "Period",
    decidedAt: "Appointed",
    substituteFor: "substitute for",
    itemOfMeeting: "item {number}, meeting {date}",
    none: "None.",
  },
);

/** Meetings as a table: date, (body,) title linking to the meeting, state. */
export function calendarTable(
  lang: Lang,
  entries: readonly MeetingSummary[],
  options: { caption: string; captionHidden?: boolean; showBody: boolean; empty: string },
): SafeHtml {
  const t = text[lang];
  if (entries.length === 0) return html`<p>${options.empty}</p>`;
  return html`<table class="calendar"><caption${options.captionHidden ? html` class="visually-hidden"` : ""}>${options.caption}</caption>
<thead><tr><th scope="col">${t.date}</th>${options.showBody ? html`<th scope="col">${t.body}</th>` : ""}<th scope="col">${t.meeting}</th><th scope="col">${t.state}</th></tr></thead>
<tbody>${entries.map(
    (m) =>
      html`<tr><td>${formatDateTime(m.start, lang, m.allDay)}</td>${
        options.showBody
          ? html`<td><a href="${paths.organization(m.organization.id)}">${m.organization.shortName ?? m.organization.name}</a></td>`
          : ""
      }<td><a href="${paths.meeting(m.id)}">${m.title}</a></td><td>${label.meetingState(lang, m.state)}</td></tr>`,
  )}</tbody></table>`;
}

function roleCell(lang: Lang, seat: SeatView): SafeHtml {
  const role = label.role(lang, seat.role);
  if (!seat.principal) return html`${role}`;
  return html`${role}, ${text[lang].substituteFor} <a href="${paths.person(seat.principal.id)}">${seat.principal.name}</a>`;
}

function decidedCell(lang: Lang, seat: SeatView): SafeHtml | string {
  const decided = seat.decidedBy;
  if (!decided) return "";
  const linkText = text[lang].itemOfMeeting
    .replace("{number}", decided.number)
    .replace("{date}", formatShortDate(decided.meetingStart, lang));
  return html`<a href="${paths.meeting(decided.meetingId)}#${itemAnchor(decided.number)}">${linkText}</a>`;
}

/**
 * Seats as a table. A body's page lists who sits (`first: "person"`); a person's page lists where
 * (`first: "organization"`).
 */
export function seatsTable(
  lang: Lang,
  seats: readonly SeatView[],
  options: { caption: string; first: "person" | "organization"; empty: string },
): SafeHtml {
  const t = text[lang];
  if (seats.length === 0) return html`<p>${options.empty}</p>`;
  const showDecided = seats.some((seat) => seat.decidedBy);
  return html`<table class="seats"><caption>${options.caption}</caption>
<thead><tr><th scope="col">${options.first === "person" ? t.name : t.body}</th><th scope="col">${t.role}</th><th scope="col">${t.onBehalfOf}</th><th scope="col">${t.period}</th>${showDecided ? html`<th scope="col">${t.decidedAt}</th>` : ""}</tr></thead>
<tbody>${seats.map(
    (seat) =>
      html`<tr><th scope="row">${
        options.first === "person"
          ? html`<a href="${paths.person(seat.person.id)}">${seat.person.name}</a>`
          : html`<a href="${paths.organization(seat.organization.id)}">${seat.organization.name}</a>`
      }</th><td>${roleCell(lang, seat)}</td><td>${
        seat.onBehalfOf
          ? html`<a href="${paths.organization(seat.onBehalfOf.id)}">${seat.onBehalfOf.name}</a>`
          : ""
      }</td><td>${period(lang, seat.startDate, seat.endDate)}</td>${showDecided ? html`<td>${decidedCell(lang, seat)}</td>` : ""}</tr>`,
  )}</tbody></table>`;
}
