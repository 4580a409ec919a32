import { seatsByPeriod } from "../../core/memberships/seats.ts";
import type { PersonProfile } from "../../core/people/person-profile.ts";
import { html, type SafeHtml } from "../html.ts";
import { messages } from "../i18n.ts";
import { layout } from "../layout.ts";
import type { PageFrame } from "./parts.ts";
import { breadcrumbs, period } from "./parts.ts";
import { paths } from "./paths.ts";
import { seatsTable } from "./tables.ts";

const text = messages(
  {
    front: "Forside",
    current: "Pladser nu",
    currentCaption: "Pladser, personen har nu",
    noCurrent: "Personen har ingen pladser nu.",
    future: "Kommende pladser",
    past: "Tidligere pladser",
    pastCaption: "Pladser, personen har haft",
    noPast: "Der er ingen tidligere pladser registreret.",
    affiliations: "Ansættelser",
    affiliationsCaption: "Stillinger og arbejdsgivere",
    position: "Stilling",
    organization: "Organisation",
    period: "Periode",
    calendar: "Personens møder (iCal)",
  },
  {
    front: "Home",
    current: "Current seats",
    currentCaption: "Seats the person holds now",
    noCurrent: "The person holds no seats now.",
    future: "Coming seats",
    past: "Former seats",
    pastCaption: "Seats the person has held",
    noPast: "No former seats are recorded.",
    affiliations: "Positions",
    affiliationsCaption: "Positions and employers",
    position: "Position",
    organization: "Organisation",
    period: "Period",
    calendar: "The person's meetings (iCal)",
  },
);

/** A person: the seats they hold and held, for whom, and where they work. */
export function personPage(data: PersonProfile, options: PageFrame & { today: string }): SafeHtml {
  const { lang } = options;
  const t = text[lang];
  const seats = seatsByPeriod(data.seats, options.today);
  const affiliations = data.affiliations.length
    ? html`<section aria-labelledby="ansaettelser"><h2 id="ansaettelser">${t.affiliations}</h2>
<table><caption>${t.affiliationsCaption}</caption>
<thead><tr><th scope="col">${t.position}</th><th scope="col">${t.organization}</th><th scope="col">${t.period}</th></tr></thead>
<tbody>${data.affiliations.map(
        (a) =>
          html`<tr><td>${a.position ?? ""}</td><td>${a.organization ? html`<a href="${paths.organization(a.organization.id)}">${a.organization.name}</a>` : ""}</td><td>${period(lang, a.startDate, a.endDate)}</td></tr>`,
      )}</tbody></table></section>`
    : "";
  return layout({
    lang,
    url: options.url,
    signedIn: options.signedIn,
    title: data.name,
    head: html`<link rel="alternate" type="text/calendar" href="${paths.personCalendar(data.id)}" title="${t.calendar}">`,
    body: html`${breadcrumbs(lang, [{ label: t.front, href: paths.front() }, { label: data.name }])}
<h1>${data.name}</h1>
${data.title ? html`<p class="lead">${data.title}</p>` : ""}
<p class="feeds"><a href="${paths.personCalendar(data.id)}">${t.calendar}</a></p>
<section aria-labelledby="pladser-nu"><h2 id="pladser-nu">${t.current}</h2>
${seatsTable(lang, seats.current, { caption: t.currentCaption, first: "organization", empty: t.noCurrent })}
</section>
${seats.future.length ? html`<section aria-labelledby="kommende-pladser"><h2 id="kommende-pladser">${t.future}</h2>${seatsTable(lang, seats.future, { caption: t.future, first: "organization", empty: "" })}</section>` : ""}
<section aria-labelledby="tidligere-pladser"><h2 id="tidligere-pladser">${t.past}</h2>
${seatsTable(lang, seats.past, { caption: t.pastCaption, first: "organization", empty: t.noPast })}
</section>
${affiliations}`,
  });
}
