import type { FastifyInstance } from "fastify";
import { casesAwaitingAgenda } from "../../core/cases/send-on.ts";
import { bodiesPreparedBy, comingMeetings } from "../../core/meetings/workspace-reads.ts";
import { formatDateTime, formatShortDate } from "../format.ts";
import { html } from "../html.ts";
import { messages } from "../i18n.ts";
import { label } from "../labels.ts";
import { stateLabel } from "./labels.ts";
import { requireSecretariat, sendWorkspacePage } from "./workspace-page.ts";

const text = messages(
  {
    title: "Sekretariatet",
    intro: "Forbered møderne i de organer, du er sekretariat for: kalender, dagsorden, referat.",
    bodies: "Dine organer",
    noBodies: "Du er ikke sekretariat for noget organ endnu.",
    coming: "Kommende møder",
    noComing: "Der er ingen kommende møder i kalenderen.",
    awaiting: "Sager, der venter på en dagsorden",
    noAwaiting: "Ingen sager venter.",
    date: "Dato",
    body: "Organ",
    meeting: "Møde",
    state: "Status",
    case: "Sag",
    planned: "Planlagt til",
    purpose: "Formål",
    from: "Sendt fra",
  },
  {
    title: "The secretariat",
    intro: "Prepare the meetings of the bodies you are secretariat for: calendar, agenda, minutes.",
    bodies: "Your bodies",
    noBodies: "You are not secretariat for any body yet.",
    coming: "Coming meetings",
    noComing: "There are no coming meetings in the calendar.",
    awaiting: "Cases awaiting an agenda",
    noAwaiting: "No cases are waiting.",
    date: "Date",
    body: "Body",
    meeting: "Meeting",
    state: "State",
    case: "Case",
    planned: "Planned for",
    purpose: "Purpose",
    from: "Sent from",
  },
);

/** `/sekretariat`: the bodies the user works for, their coming meetings, the cases waiting. */
export function registerOverviewPage(app: FastifyInstance): void {
  app.get("/sekretariat", async (request, reply) => {
    requireSecretariat(request);
    const { lang, ctx } = { lang: request.lang, ctx: request.ctx };
    const t = text[lang];
    const bodies = await bodiesPreparedBy(ctx);
    const names = new Map(bodies.map((b) => [b.id, b.shortName ?? b.name]));
    const meetings = await comingMeetings(
      ctx,
      bodies.map((b) => b.id),
    );
    const awaiting = (
      await Promise.all(
        bodies.map(async (b) => (await casesAwaitingAgenda(ctx, b.id)).map((c) => ({ ...c, body: b }))),
      )
    ).flat();
    const body = html`<h1>${t.title}</h1>
<p>${t.intro}</p>
<h2 id="organer">${t.bodies}</h2>
${
  bodies.length
    ? html`<ul class="columns">${bodies.map(
        (b) =>
          html`<li><a href="/sekretariat/organer/${b.id}">${b.name}</a>${b.shortName ? html` (${b.shortName})` : ""}</li>`,
      )}</ul>`
    : html`<p>${t.noBodies}</p>`
}
<h2 id="kommende">${t.coming}</h2>
${
  meetings.length
    ? html`<table><caption class="visually-hidden">${t.coming}</caption>
<thead><tr><th scope="col">${t.date}</th><th scope="col">${t.body}</th><th scope="col">${t.meeting}</th><th scope="col">${t.state}</th></tr></thead>
<tbody>${meetings.map(
        (
          m,
        ) => html`<tr><td>${formatDateTime(m.start, lang, m.allDay)}</td><td>${names.get(m.organizationId)}</td>
<td><a href="/sekretariat/moeder/${m.id}">${m.title}</a></td><td>${stateLabel(lang, m.state)}</td></tr>`,
      )}</tbody></table>`
    : html`<p>${t.noComing}</p>`
}
<h2 id="afventer">${t.awaiting}</h2>
${
  awaiting.length
    ? html`<table><caption class="visually-hidden">${t.awaiting}</caption>
<thead><tr><th scope="col">${t.case}</th><th scope="col">${t.body}</th><th scope="col">${t.planned}</th><th scope="col">${t.purpose}</th><th scope="col">${t.from}</th></tr></thead>
<tbody>${awaiting.map(
        (
          c,
        ) => html`<tr><td>${c.caseTitle}${c.caseReference ? html` <span class="meta">(${c.caseReference})</span>` : ""}</td>
<td><a href="/sekretariat/organer/${c.body.id}#afventer">${c.body.shortName ?? c.body.name}</a></td>
<td>${formatShortDate(c.plannedDate, lang)}</td><td>${label.purposePhrase(lang, c.purpose)}</td><td>${c.fromOrganizationName ?? ""}</td></tr>`,
      )}</tbody></table>`
    : html`<p>${t.noAwaiting}</p>`
}`;
    return sendWorkspacePage(request, reply, { title: t.title, body: body });
  });
}
