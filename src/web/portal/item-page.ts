import type { AgendaItemPage } from "../../core/agenda/agenda-item-view.ts";
import { minutesArePublic } from "../../core/publication/visibility.ts";
import { formatDateTime } from "../format.ts";
import { html, type SafeHtml } from "../html.ts";
import { messages } from "../i18n.ts";
import { layout } from "../layout.ts";
import { meetingLabel } from "./meeting-page.ts";
import type { PageFrame } from "./parts.ts";
import { breadcrumbs, itemTitle, renderItem } from "./parts.ts";
import { itemAnchor, paths } from "./paths.ts";

const text = messages(
  {
    front: "Forside",
    bodies: "Organer",
    item: "Punkt",
    onAgendaOf: "Punkt på dagsordenen for",
    meetingIn: "mødet i",
    closed: "Punktet er lukket. Dets indhold, bilag og beslutning er ikke offentlige.",
    inContext: "Se punktet i mødets dagsorden",
    casePath: "Sagens forløb",
    casePathLink: "Se alle behandlinger af sagen",
    minutesNotPublished: "Beslutningen vises, når referatet er offentliggjort.",
  },
  {
    front: "Home",
    bodies: "Bodies",
    item: "Item",
    onAgendaOf: "Item on the agenda of",
    meetingIn: "the meeting of",
    closed: "This item is closed. Its content, attachments and decision are not public.",
    inContext: "See the item in the meeting's agenda",
    casePath: "The case's path",
    casePathLink: "See every treatment of the case",
    minutesNotPublished: "The decision is shown once the minutes are published.",
  },
);

/** One agenda item at its own address: what search results and shared links point to. */
export function itemPage(data: AgendaItemPage, options: PageFrame): SafeHtml {
  const { lang } = options;
  const t = text[lang];
  const { item, meeting } = data;
  const org = meeting.organization;
  const title = `${item.number}. ${itemTitle(lang, item)}`;
  const decisionPending =
    !item.redacted && !minutesArePublic(meeting.state) && item.decision === null && item.outcome === null;
  return layout({
    lang,
    url: options.url,
    signedIn: options.signedIn,
    title: `${title} (${org.shortName ?? org.name}, ${meetingLabel(lang, meeting.start)})`,
    body: html`${breadcrumbs(lang, [
      { label: t.front, href: paths.front() },
      { label: t.bodies, href: paths.organizations() },
      { label: org.shortName ?? org.name, href: paths.organization(org.id) },
      { label: meetingLabel(lang, meeting.start), href: paths.meeting(meeting.id) },
      { label: `${t.item} ${item.number}` },
    ])}
<h1>${title}</h1>
<p class="meta">${t.onAgendaOf} <a href="${paths.meeting(meeting.id)}">${t.meetingIn} ${org.name}, ${formatDateTime(meeting.start, lang, meeting.allDay)}</a>${item.groupHeading ? html`, ${item.groupHeading}` : ""}</p>
${item.redacted ? html`<p class="notice">${t.closed}</p>` : renderItem(item, { lang, level: 1, linkToItemPage: false, standalone: true })}
${decisionPending ? html`<p class="notice">${t.minutesNotPublished}</p>` : ""}
${item.case ? html`<h2>${t.casePath}</h2><p><a href="${paths.case(item.case.id)}">${t.casePathLink}: ${item.case.reference ? `${item.case.reference} ` : ""}${item.case.title}</a></p>` : ""}
<p><a href="${paths.meeting(meeting.id)}#${itemAnchor(item.number)}">${t.inContext}</a></p>`,
  });
}
