import type { DecisionEntry } from "../../core/agenda/latest-decisions.ts";
import type { MeetingSummary } from "../../core/meetings/meeting-lists.ts";
import { formatShortDate } from "../format.ts";
import { html, type SafeHtml } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";
import { label } from "../labels.ts";
import { layout } from "../layout.ts";
import type { PageFrame } from "./parts.ts";
import { paths } from "./paths.ts";
import { calendarTable } from "./tables.ts";

const text = messages(
  {
    title: "Møder i offentlige samarbejder",
    intro:
      "Dagsordener, referater og sager fra KKR, netværk, styregrupper, udvalg og partnerskaber. Alt, der er offentliggjort, kan læses her uden login.",
    searchLabel: "Søg i dagsordener og referater",
    searchButton: "Søg",
    coming: "Kommende møder",
    noComing: "Der er ingen kommende møder i kalenderen.",
    decisions: "Seneste beslutninger",
    noDecisions: "Der er endnu ingen offentliggjorte beslutninger.",
    recent: "Seneste møder",
    noRecent: "Der er ingen afholdte møder i kalenderen.",
    allBodies: "Se alle organer og deres mødekalendere",
    item: "punkt",
  },
  {
    title: "Meetings of public cooperation bodies",
    intro:
      "Agendas, minutes and cases of KKR, networks, steering groups, committees and partnerships. Everything published can be read here without logging in.",
    searchLabel: "Search agendas and minutes",
    searchButton: "Search",
    coming: "Coming meetings",
    noComing: "There are no coming meetings in the calendar.",
    decisions: "Latest decisions",
    noDecisions: "No decisions have been published yet.",
    recent: "Recent meetings",
    noRecent: "There are no past meetings in the calendar.",
    allBodies: "See all bodies and their meeting calendars",
    item: "item",
  },
);

interface FrontPageData {
  coming: MeetingSummary[];
  recent: MeetingSummary[];
  decisions: DecisionEntry[];
}

/** The search form, shared with the search page: the query travels in the address. */
function searchForm(lang: Lang, query = ""): SafeHtml {
  const t = text[lang];
  return html`<form class="search-form" role="search" method="get" action="${paths.search()}">
<label for="q">${t.searchLabel}</label>
<input type="search" id="q" name="q" value="${query}">
<button type="submit">${t.searchButton}</button>
</form>`;
}

export function frontPage(data: FrontPageData, options: PageFrame): SafeHtml {
  const { lang } = options;
  const t = text[lang];
  const decisions = data.decisions.length
    ? html`<ul class="decisions">${data.decisions.map(
        (d) =>
          html`<li><span class="meta">${formatShortDate(d.meeting.start, lang)}, <a href="${paths.organization(d.organization.id)}">${d.organization.shortName ?? d.organization.name}</a>:</span> <a href="${paths.item(d.item.id)}">${t.item} ${d.item.number}. ${d.item.title}</a>${d.item.outcome ? html` <span class="badge outcome">${label.outcome(lang, d.item.outcome)}</span>` : ""}</li>`,
      )}</ul>`
    : html`<p>${t.noDecisions}</p>`;
  return layout({
    lang,
    url: options.url,
    signedIn: options.signedIn,
    title: t.title,
    body: html`<h1>${t.title}</h1>
<p class="lead">${t.intro}</p>
${searchForm(lang)}
<section aria-labelledby="kommende"><h2 id="kommende">${t.coming}</h2>
${calendarTable(lang, data.coming, { caption: t.coming, captionHidden: true, showBody: true, empty: t.noComing })}
</section>
<section aria-labelledby="beslutninger"><h2 id="beslutninger">${t.decisions}</h2>
${decisions}
</section>
<section aria-labelledby="seneste"><h2 id="seneste">${t.recent}</h2>
${calendarTable(lang, data.recent, { caption: t.recent, captionHidden: true, showBody: true, empty: t.noRecent })}
<p><a href="${paths.organizations()}">${t.allBodies}</a></p>
</section>`,
  });
}
