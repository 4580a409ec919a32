import { type Outcome, outcomes } from "../../core/agenda/agenda-item.schema.ts";
import { CLOSED_ITEM_TITLE, type MeetingState } from "../../core/publication/visibility.ts";
import { html, type SafeHtml } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";
import { label } from "../labels.ts";

/** Words the workspace pages share: open and closed items. */
export const labels = messages(
  {
    noOutcome: "Ikke angivet",
    closedItem: CLOSED_ITEM_TITLE,
    openItem: "Åbent punkt",
    workspace: "Sekretariat",
  },
  {
    noOutcome: "Not given",
    closedItem: "Closed item",
    openItem: "Open item",
    workspace: "Secretariat",
  },
);

/** The record's vocabularies are worded once, for the portal and the workspace alike. */
export function stateLabel(lang: Lang, state: MeetingState): string {
  return label.meetingState(lang, state);
}

export function outcomeLabel(lang: Lang, outcome: Outcome | string | null): string {
  if (!outcome) return labels[lang].noOutcome;
  return (outcomes as readonly string[]).includes(outcome)
    ? label.outcome(lang, outcome as Outcome)
    : outcome;
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
    return html`<p class="state-cancelled"><strong>${label.meetingState(lang, "cancelled")}</strong></p>`;
  const current = steps.indexOf(state);
  return html`<ol class="state-steps">${steps.map((step, index) =>
    index === current
      ? html`<li class="state-steps__current" aria-current="step"><strong>${label.meetingState(lang, step)}</strong></li>`
      : html`<li class="${index < current ? "state-steps__done" : "state-steps__todo"}">${label.meetingState(lang, step)}${index < current ? html`<span class="visually-hidden"> (${lang === "da" ? "udført" : "done"})</span>` : ""}</li>`,
  )}</ol>`;
}

/** Breadcrumbs: the workspace, then the given trail. */
export function breadcrumbs(lang: Lang, trail: readonly { href: string; label: string }[]): SafeHtml {
  return html`<nav aria-label="${lang === "da" ? "Brødkrummer" : "Breadcrumbs"}" class="breadcrumbs"><ol>
<li><a href="/sekretariat">${labels[lang].workspace}</a></li>
${trail.map((step) => html`<li><a href="${step.href}">${step.label}</a></li>`)}
</ol></nav>`;
}
