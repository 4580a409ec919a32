import type { Outcome } from "../../core/agenda/agenda-item.schema.ts";
import type { MeetingState } from "../../core/publication/visibility.ts";
import { html, type SafeHtml } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";

/** Words the workspace pages share: states, outcomes, purposes, attendance. */
export const labels = messages(
  {
    planned: "Planlagt",
    agenda_published: "Dagsorden offentliggjort",
    held: "Afholdt",
    minutes_approved: "Referat godkendt",
    minutes_published: "Referat offentliggjort",
    cancelled: "Aflyst",
    approved: "Godkendt",
    approved_with_changes: "Godkendt med ændringer",
    noted: "Taget til efterretning",
    discussed: "Drøftet",
    recommended_onward: "Indstillet videre",
    postponed: "Udsat",
    rejected: "Afvist",
    none: "Ingen",
    noOutcome: "Ikke angivet",
    information: "Til orientering",
    discussion: "Til drøftelse",
    decision: "Til beslutning",
    present: "Til stede",
    absent: "Fraværende",
    excused: "Afbud",
    chair: "Formand",
    vice_chair: "Næstformand",
    member: "Medlem",
    closedItem: "Lukket punkt",
    openItem: "Åbent punkt",
    workspace: "Sekretariat",
  },
  {
    planned: "Planned",
    agenda_published: "Agenda published",
    held: "Held",
    minutes_approved: "Minutes approved",
    minutes_published: "Minutes published",
    cancelled: "Cancelled",
    approved: "Approved",
    approved_with_changes: "Approved with changes",
    noted: "Noted",
    discussed: "Discussed",
    recommended_onward: "Recommended onward",
    postponed: "Postponed",
    rejected: "Rejected",
    none: "None",
    noOutcome: "Not given",
    information: "For information",
    discussion: "For discussion",
    decision: "For decision",
    present: "Present",
    absent: "Absent",
    excused: "Sent apologies",
    chair: "Chair",
    vice_chair: "Vice-chair",
    member: "Member",
    closedItem: "Closed item",
    openItem: "Open item",
    workspace: "Secretariat",
  },
);

export function stateLabel(lang: Lang, state: MeetingState): string {
  return labels[lang][state];
}

export function outcomeLabel(lang: Lang, outcome: Outcome | string | null): string {
  if (!outcome) return labels[lang].noOutcome;
  return outcome in labels[lang] ? labels[lang][outcome as Outcome] : outcome;
}

/** The meeting's life as steps, the current one marked (text, not colour, tells which). */
const steps: readonly MeetingState[] = [
  "planned",
  "agenda_published",
  "held",
  "minutes_approved",
  "minutes_published",
];

export function stateSteps(lang: Lang, state: MeetingState): SafeHtml {
  if (state === "cancelled")
    return html`<p class="state-cancelled"><strong>${labels[lang].cancelled}</strong></p>`;
  const current = steps.indexOf(state);
  return html`<ol class="state-steps">${steps.map((step, index) =>
    index === current
      ? html`<li class="state-steps__current" aria-current="step"><strong>${labels[lang][step]}</strong></li>`
      : html`<li class="${index < current ? "state-steps__done" : "state-steps__todo"}">${labels[lang][step]}${index < current ? html`<span class="visually-hidden"> (${lang === "da" ? "udført" : "done"})</span>` : ""}</li>`,
  )}</ol>`;
}

/** Breadcrumbs: the workspace, then the given trail. */
export function breadcrumbs(lang: Lang, trail: readonly { href: string; label: string }[]): SafeHtml {
  return html`<nav aria-label="${lang === "da" ? "Brødkrummer" : "Breadcrumbs"}" class="breadcrumbs"><ol>
<li><a href="/sekretariat">${labels[lang].workspace}</a></li>
${trail.map((step) => html`<li><a href="${step.href}">${step.label}</a></li>`)}
</ol></nav>`;
}
