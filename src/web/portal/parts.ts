import type { AgendaItemView, FileRef, PersonRef } from "../../core/agenda/agenda-item-view.ts";
import { CLOSED_ITEM_TITLE } from "../../core/publication/visibility.ts";
import { formatFileSize, formatShortDate } from "../format.ts";
import { type HtmlValue, html, raw, type SafeHtml } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";
import { label } from "../labels.ts";
import type { SignedIn } from "../layout.ts";
import { renderMarkdown } from "../markdown.ts";
import { itemAnchor, paths } from "./paths.ts";

const text = messages(
  {
    breadcrumbs: "Brødkrummesti",
    background: "Baggrund",
    recommendation: "Indstilling",
    casePresentation: "Sagsfremstilling",
    finance: "Økonomi",
    decision: "Beslutning",
    attachments: "Bilag",
    presentedBy: "v.",
    and: "og",
    case: "Sag",
    casePath: "se sagens forløb",
    closedItem: CLOSED_ITEM_TITLE,
    itemPage: "Punkt {number} på egen side",
    outcome: "Resultat",
    from: "fra",
    until: "til",
    ongoing: "og frem",
  },
  {
    breadcrumbs: "Breadcrumbs",
    background: "Background",
    recommendation: "Recommendation",
    casePresentation: "Case presentation",
    finance: "Finance",
    decision: "Decision",
    attachments: "Attachments",
    presentedBy: "presented by",
    and: "and",
    case: "Case",
    casePath: "see the case's path",
    closedItem: "Closed item",
    itemPage: "Item {number} on its own page",
    outcome: "Outcome",
    from: "from",
    until: "to",
    ongoing: "onwards",
  },
);

/** What every portal page is drawn with: the reader's language, the page's address, who is signed in. */
export interface PageFrame {
  lang: Lang;
  /** The page's canonical address (path and the query that changes its content). */
  url: string;
  signedIn?: SignedIn | null;
}

interface Crumb {
  label: string;
  href?: string;
}

/** Where the page sits: links up to the front page, the current page last and unlinked. */
export function breadcrumbs(lang: Lang, crumbs: readonly Crumb[]): SafeHtml {
  return html`<nav class="breadcrumbs" aria-label="${text[lang].breadcrumbs}"><ol>${crumbs.map((crumb) =>
    crumb.href
      ? html`<li><a href="${crumb.href}">${crumb.label}</a></li>`
      : html`<li aria-current="page">${crumb.label}</li>`,
  )}</ol></nav>`;
}

/** `<h2>`..`<h6>` by number, so nested parts keep the page's heading order. */
export function heading(level: number, content: HtmlValue, attributes: HtmlValue = ""): SafeHtml {
  const tag = `h${Math.min(Math.max(level, 1), 6)}`;
  return html`<${raw(tag)}${attributes}>${content}</${raw(tag)}>`;
}

function personLinks(lang: Lang, people: readonly PersonRef[]): SafeHtml {
  const links = people.map((p) => html`<a href="${paths.person(p.id)}">${p.name}</a>`);
  if (links.length <= 1) return html`${links}`;
  return html`${links.slice(0, -1).map((link, i) => html`${i > 0 ? ", " : ""}${link}`)} ${text[lang].and} ${links.at(-1)}`;
}

const fileKinds: Record<string, string> = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
  "text/plain": "tekst",
  "text/html": "HTML",
};

/** Attachments as download links, with their kind and size so a reader knows what comes. */
export function fileList(lang: Lang, files: readonly FileRef[]): SafeHtml {
  return html`<ul class="files">${files.map(
    (f) =>
      html`<li><a href="${paths.fileContent(f.id)}" download="${f.name}">${f.name}</a> <span class="meta">(${[fileKinds[f.mediaType], formatFileSize(f.sizeBytes, lang)].filter(Boolean).join(", ")})</span></li>`,
  )}</ul>`;
}

/** "fra 1. januar 2018 til 31. december 2021", "fra 1. januar 2022 og frem". */
export function period(lang: Lang, start: string | null, end: string | null): string {
  const t = text[lang];
  if (!start && !end) return "";
  if (!end) return `${t.from} ${formatShortDate(start as string, lang)} ${t.ongoing}`;
  if (!start) return `${t.until} ${formatShortDate(end, lang)}`;
  return `${t.from} ${formatShortDate(start, lang)} ${t.until} ${formatShortDate(end, lang)}`;
}

interface ItemRenderOptions {
  lang: Lang;
  /** Level of the item's own heading; its sections sit one below. */
  level: number;
  /** On a meeting's page each item links to its own page; print and the item's own page do not. */
  linkToItemPage: boolean;
  /** The item's heading is the page's title (its own page): no anchor, no number prefix in the heading. */
  standalone?: boolean;
}

/** The item's title as the reader may see it: "Lukket punkt" for a closed item of the public. */
export function itemTitle(lang: Lang, item: AgendaItemView): string {
  return item.redacted ? text[lang].closedItem : item.title;
}

/**
 * One agenda item: heading, presenters, sections (Markdown), decision, attachments and case. A
 * closed item the reader may not see has been emptied by the visibility module: only its number
 * and "Lukket punkt" remain, and that is all this draws.
 */
export function renderItem(item: AgendaItemView, options: ItemRenderOptions): SafeHtml {
  const { lang, level } = options;
  const t = text[lang];
  const anchor = itemAnchor(item.number);
  const sections = (
    [
      ["background", t.background],
      ["recommendation", t.recommendation],
      ["casePresentation", t.casePresentation],
      ["finance", t.finance],
    ] as const
  ).flatMap(([key, title]) => {
    const content = item[key];
    return content
      ? [html`${heading(level + 1, title)}<div class="section">${renderMarkdown(content)}</div>`]
      : [];
  });
  const decided = item.decision !== null || item.outcome !== null;
  const body = html`${item.presenters.length ? html`<p class="presenters">${t.presentedBy} ${personLinks(lang, item.presenters)}</p>` : ""}
${sections}
${
  decided
    ? html`<div class="decision">${heading(level + 1, t.decision)}${item.outcome ? html`<p><strong class="badge outcome">${label.outcome(lang, item.outcome)}</strong></p>` : ""}${renderMarkdown(item.decision)}</div>`
    : ""
}
${item.files.length ? html`${heading(level + 1, t.attachments)}${fileList(lang, item.files)}` : ""}
${item.case ? html`<p class="case-link">${t.case}: <a href="${paths.case(item.case.id)}">${item.case.reference ? `${item.case.reference} ` : ""}${item.case.title}</a> (${t.casePath})</p>` : ""}
${options.linkToItemPage && item.isPublic ? html`<p class="item-link no-print"><a href="${paths.item(item.id)}">${t.itemPage.replace("{number}", item.number)}</a></p>` : ""}`;
  if (options.standalone) return body;
  return html`<article class="item${item.isPublic ? "" : " closed"}" id="${anchor}" aria-labelledby="${anchor}-titel">
${heading(level, html`<span class="item-number">${item.number}.</span> ${itemTitle(lang, item)}${!item.isPublic && !item.redacted ? html` <span class="badge closed">${t.closedItem}</span>` : ""}`, html` id="${anchor}-titel"`)}
${item.redacted ? "" : body}
</article>`;
}
