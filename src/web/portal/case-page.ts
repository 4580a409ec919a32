import type { CasePath, CaseStep } from "../../core/cases/case-path.ts";
import { minutesArePublic } from "../../core/publication/visibility.ts";
import { formatShortDate } from "../format.ts";
import { html, type SafeHtml } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";
import { label } from "../labels.ts";
import { layout } from "../layout.ts";
import { renderMarkdown } from "../markdown.ts";
import { meetingLabel } from "./meeting-page.ts";
import type { PageFrame } from "./parts.ts";
import { breadcrumbs, fileList } from "./parts.ts";
import { paths } from "./paths.ts";

const text = messages(
  {
    front: "Forside",
    case: "Sag",
    reference: "Sagsnummer",
    status: "Status",
    open: "Åben",
    closed: "Afsluttet",
    path: "Sagens forløb",
    pathIntro: "Alle behandlinger af sagen i tidsorden, også de planlagte.",
    noSteps: "Der er ingen behandlinger af sagen.",
    treated: "Behandlet",
    planned: "Planlagt",
    purpose: "Formål",
    item: "punkt",
    plannedAt: "Planlagt til behandling i {body} den {date}.",
    plannedMeeting: "Mødet i kalenderen",
    decision: "Beslutning",
    noDecisionYet: "Beslutningen vises, når referatet er offentliggjort.",
    attachments: "Sagens bilag",
    follow: "Følg sagen (Atom)",
  },
  {
    front: "Home",
    case: "Case",
    reference: "Case number",
    status: "Status",
    open: "Open",
    closed: "Closed",
    path: "The case's path",
    pathIntro: "Every treatment of the case in time order, the planned ones included.",
    noSteps: "The case has no treatments.",
    treated: "Treated",
    planned: "Planned",
    purpose: "Purpose",
    item: "item",
    plannedAt: "Planned for treatment by {body} on {date}.",
    plannedMeeting: "The meeting in the calendar",
    decision: "Decision",
    noDecisionYet: "The decision is shown once the minutes are published.",
    attachments: "Case attachments",
    follow: "Follow the case (Atom)",
  },
);

function step(lang: Lang, s: CaseStep, index: number): SafeHtml {
  const t = text[lang];
  const body = s.organization.shortName ?? s.organization.name;
  const headingId = `behandling-${index + 1}`;
  const where = s.planned
    ? html`<p>${t.plannedAt.replace("{body}", s.organization.name).replace("{date}", formatShortDate(s.date, lang))}${
        s.meeting
          ? html` <a href="${paths.meeting(s.meeting.id)}">${t.plannedMeeting}: ${meetingLabel(lang, s.meeting.start)}</a>`
          : ""
      }</p>`
    : html`<p>${s.meeting ? html`<a href="${paths.meeting(s.meeting.id)}">${s.meeting.title}, ${formatShortDate(s.meeting.start, lang)}</a>` : ""}${
        s.item
          ? html`, <a href="${paths.item(s.item.id)}">${t.item} ${s.item.number}. ${s.item.title}</a>`
          : ""
      }</p>`;
  const decided = s.outcome !== null || s.decision !== null;
  const decision = decided
    ? html`<div class="decision"><h4>${t.decision}</h4>${s.outcome ? html`<p><strong class="badge outcome">${label.outcome(lang, s.outcome)}</strong></p>` : ""}${renderMarkdown(s.decision)}</div>`
    : !s.planned && !(s.meeting && minutesArePublic(s.meeting.state))
      ? html`<p class="meta">${t.noDecisionYet}</p>`
      : "";
  return html`<li class="step${s.planned ? " planned" : ""}"><article aria-labelledby="${headingId}">
<h3 id="${headingId}">${formatShortDate(s.date, lang)}: <a href="${paths.organization(s.organization.id)}">${body}</a></h3>
<p class="meta"><span class="badge${s.planned ? " planned" : ""}">${s.planned ? t.planned : t.treated}</span> ${t.purpose}: ${label.purpose(lang, s.purpose)}</p>
${where}
${decision}
</article></li>`;
}

/** A case and its path: every treatment at every body in time order, the planned ones last to come. */
export function casePage(data: CasePath, options: PageFrame): SafeHtml {
  const { lang } = options;
  const t = text[lang];
  const name = data.reference ? `${t.case} ${data.reference}` : t.case;
  return layout({
    lang,
    url: options.url,
    signedIn: options.signedIn,
    title: `${data.title} (${name})`,
    head: html`<link rel="alternate" type="application/atom+xml" href="${paths.caseFeed(data.id)}" title="${t.follow}">`,
    body: html`${breadcrumbs(lang, [{ label: t.front, href: paths.front() }, { label: name }])}
<h1>${data.title}</h1>
<dl class="facts">
${data.reference ? html`<dt>${t.reference}</dt><dd>${data.reference}</dd>` : ""}
<dt>${t.status}</dt><dd>${data.status === "open" ? t.open : t.closed}</dd>
</dl>
<p class="feeds"><a href="${paths.caseFeed(data.id)}">${t.follow}</a></p>
<section aria-labelledby="forloeb"><h2 id="forloeb">${t.path}</h2>
<p>${t.pathIntro}</p>
${data.steps.length ? html`<ol class="case-path">${data.steps.map((s, i) => step(lang, s, i))}</ol>` : html`<p>${t.noSteps}</p>`}
</section>
${data.files.length ? html`<section aria-labelledby="bilag"><h2 id="bilag">${t.attachments}</h2>${fileList(lang, data.files)}</section>` : ""}`,
  });
}
