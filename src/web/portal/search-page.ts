import type { Outcome } from "../../core/agenda/agenda-item.schema.ts";
import type { DirectoryEntry } from "../../core/organizations/organization-directory.ts";
import { snippetParts } from "../../core/search/query-text.ts";
import type { MatchedPart, SearchQuery, SearchResults } from "../../core/search/search.schema.ts";
import { formatShortDate } from "../format.ts";
import { flag, html, type SafeHtml } from "../html.ts";
import { type Lang, messages } from "../i18n.ts";
import { label } from "../labels.ts";
import { layout } from "../layout.ts";
import { breadcrumbs, type PageFrame } from "./parts.ts";
import { paths } from "./paths.ts";

const text = messages(
  {
    front: "Forside",
    title: "Søg",
    titleFor: "Søg: {q}",
    intro:
      'Søg i titler, sagsfremstillinger, beslutninger og bilag. Skriv "flere ord" for en sætning, -ord for at udelade et ord og OR for enten-eller.',
    query: "Søgeord",
    filters: "Afgræns søgningen",
    body: "Organ",
    allBodies: "Alle organer",
    from: "Fra dato",
    to: "Til dato",
    scope: "Søg i",
    scopeAll: "Alt",
    scopeAgenda: "Dagsordener og bilag",
    scopeMinutes: "Beslutninger",
    outcome: "Beslutningens udfald",
    anyOutcome: "Alle",
    search: "Søg",
    results: "Resultater",
    count: "{n} punkter fundet",
    countAbout: "Ca. {n} punkter fundet",
    one: "1 punkt fundet",
    none: "Ingen punkter fundet. Prøv med færre eller andre ord, eller fjern afgrænsningen.",
    corrected: "Ingen fandt »{typed}«. Viser i stedet resultater for »{used}«.",
    item: "Punkt",
    meetingOn: "møde",
    foundIn: "Fundet i",
    next: "Næste {n} resultater",
    errors: "Søgningen kunne ikke udføres",
    badDate: "Skriv datoen som åååå-mm-dd.",
    badRange: "Til-datoen ligger før fra-datoen.",
    badOption: "Vælg en af mulighederne.",
    noWords: "Skriv mindst ét ord at søge efter (ikke kun ord med minus foran).",
    tooDeep:
      "Den side af resultaterne kan ikke vises: søgningen viser højst de første 200. Start forfra, eller gør søgningen mere præcis.",
  },
  {
    front: "Home",
    title: "Search",
    titleFor: "Search: {q}",
    intro:
      'Search titles, case presentations, decisions and attachments. Write "several words" for a phrase, -word to leave a word out and OR for either.',
    query: "Search words",
    filters: "Narrow the search",
    body: "Body",
    allBodies: "All bodies",
    from: "From date",
    to: "To date",
    scope: "Search in",
    scopeAll: "Everything",
    scopeAgenda: "Agendas and attachments",
    scopeMinutes: "Decisions",
    outcome: "Outcome of the decision",
    anyOutcome: "Any",
    search: "Search",
    results: "Results",
    count: "{n} items found",
    countAbout: "About {n} items found",
    one: "1 item found",
    none: "No items found. Try fewer or other words, or remove the narrowing.",
    corrected: "Nothing matched “{typed}”. Showing results for “{used}” instead.",
    item: "Item",
    meetingOn: "meeting",
    foundIn: "Found in",
    next: "Next {n} results",
    errors: "The search could not be run",
    badDate: "Write the date as yyyy-mm-dd.",
    badRange: "The to date is before the from date.",
    badOption: "Choose one of the options.",
    noWords: "Write at least one word to look for (not only words with a minus in front).",
    tooDeep:
      "That page of results cannot be shown: the search shows at most the first 200. Start again, or make the search more precise.",
  },
);

const partNames = messages(
  { title: "titlen", sections: "sagsfremstillingen", decision: "beslutningen", attachments: "bilag" },
  {
    title: "the title",
    sections: "the case presentation",
    decision: "the decision",
    attachments: "attachments",
  },
);

/** Scopes and outcomes in the address, in Danish: the address is what people share. */
const scopeSlugs = { alle: "all", dagsorden: "agenda", referat: "minutes" } as const;
const outcomeSlugs: Record<string, Outcome> = {
  godkendt: "approved",
  "godkendt-med-aendringer": "approved_with_changes",
  "taget-til-efterretning": "noted",
  droeftet: "discussed",
  indstillet: "recommended_onward",
  udsat: "postponed",
  afvist: "rejected",
};

/** The search as the address states it: `/soeg?q=…&organ=…&fra=…&til=…&omfang=…&udfald=…&side=…`. */
interface SearchForm {
  q: string;
  organ: string;
  fra: string;
  til: string;
  omfang: keyof typeof scopeSlugs;
  udfald: string;
  side: string;
}

export type FormErrors = Partial<Record<keyof SearchForm, string>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (value: string) => DATE.test(value) && !Number.isNaN(Date.parse(`${value}T12:00:00Z`));

/** Reads the form from the address; what cannot be used is named per field, in the reader's words. */
export function readSearchForm(
  query: unknown,
  lang: Lang,
  bodyIds: ReadonlySet<string>,
): { form: SearchForm; errors: FormErrors; search: SearchQuery | null } {
  const t = text[lang];
  const raw = (query ?? {}) as Record<string, unknown>;
  const field = (name: keyof SearchForm) =>
    typeof raw[name] === "string" ? (raw[name] as string).trim() : "";
  const omfang = field("omfang") || "alle";
  const form: SearchForm = {
    q: field("q"),
    organ: field("organ"),
    fra: field("fra"),
    til: field("til"),
    omfang: (omfang in scopeSlugs ? omfang : "alle") as SearchForm["omfang"],
    udfald: field("udfald"),
    side: field("side"),
  };
  const errors: FormErrors = {};
  if (form.fra && !validDate(form.fra)) errors.fra = t.badDate;
  if (form.til && !validDate(form.til)) errors.til = t.badDate;
  if (!errors.fra && !errors.til && form.fra && form.til && form.til < form.fra) errors.til = t.badRange;
  if (form.organ && !bodyIds.has(form.organ)) errors.organ = t.badOption;
  if (!(omfang in scopeSlugs)) errors.omfang = t.badOption;
  if (form.udfald && !(form.udfald in outcomeSlugs)) errors.udfald = t.badOption;
  if (!form.q || Object.keys(errors).length > 0) return { form, errors, search: null };
  return {
    form,
    errors,
    search: {
      q: form.q,
      ...(form.organ ? { organizationId: form.organ } : {}),
      ...(form.fra ? { from: form.fra } : {}),
      ...(form.til ? { to: form.til } : {}),
      scope: scopeSlugs[form.omfang],
      ...(form.udfald ? { outcome: outcomeSlugs[form.udfald] } : {}),
      ...(form.side ? { cursor: form.side } : {}),
    },
  };
}

/** A search core refused (only -words, a page too deep) as the field it concerns and the reader's words. */
export function refusedSearch(lang: Lang, code: string): FormErrors {
  return code === "validation.cursor" ? { side: text[lang].tooDeep } : { q: text[lang].noWords };
}

/** The address of a search: only the fields that are set, in a fixed order. */
export function searchUrl(form: Partial<SearchForm>): string {
  const params = new URLSearchParams();
  for (const name of ["q", "organ", "fra", "til", "omfang", "udfald", "side"] as const) {
    const value = form[name];
    if (value && !(name === "omfang" && value === "alle")) params.set(name, value);
  }
  const query = params.toString();
  return query ? `${paths.search()}?${query}` : paths.search();
}

/** Marked runs of a highlighted text as `<mark>`, every run escaped. */
function highlighted(marked: string): SafeHtml {
  return html`${snippetParts(marked).map((part) => (part.marked ? html`<mark>${part.text}</mark>` : part.text))}`;
}

function fieldError(errors: FormErrors, name: keyof SearchForm) {
  const message = errors[name];
  return message ? html`<p class="error" id="fejl-${name}">${message}</p>` : "";
}

function invalid(errors: FormErrors, name: keyof SearchForm) {
  return errors[name] ? html` aria-invalid="true" aria-describedby="fejl-${name}"` : "";
}

function searchFormHtml(lang: Lang, form: SearchForm, errors: FormErrors, bodies: readonly DirectoryEntry[]) {
  const t = text[lang];
  const scopes: [SearchForm["omfang"], string][] = [
    ["alle", t.scopeAll],
    ["dagsorden", t.scopeAgenda],
    ["referat", t.scopeMinutes],
  ];
  return html`<form class="search-page-form" role="search" method="get" action="${paths.search()}">
<p><label for="q">${t.query}</label>
<input type="search" id="q" name="q" value="${form.q}"${invalid(errors, "q")}>
<button type="submit">${t.search}</button></p>${fieldError(errors, "q")}
<fieldset class="filters"><legend>${t.filters}</legend>
<p><label for="organ">${t.body}</label>
<select id="organ" name="organ"${invalid(errors, "organ")}><option value="">${t.allBodies}</option>${bodies.map(
    (b) => html`<option value="${b.id}"${flag("selected", b.id === form.organ)}>${b.name}</option>`,
  )}</select>${fieldError(errors, "organ")}</p>
<p><label for="fra">${t.from}</label>
<input type="date" id="fra" name="fra" value="${form.fra}"${invalid(errors, "fra")}>${fieldError(errors, "fra")}</p>
<p><label for="til">${t.to}</label>
<input type="date" id="til" name="til" value="${form.til}"${invalid(errors, "til")}>${fieldError(errors, "til")}</p>
<fieldset class="scope"><legend>${t.scope}</legend>${scopes.map(
    ([value, name]) =>
      html`<label class="choice"><input type="radio" id="omfang-${value}" name="omfang" value="${value}"${flag("checked", form.omfang === value)}> ${name}</label>`,
  )}${fieldError(errors, "omfang")}</fieldset>
<p><label for="udfald">${t.outcome}</label>
<select id="udfald" name="udfald"${invalid(errors, "udfald")}><option value="">${t.anyOutcome}</option>${Object.entries(
    outcomeSlugs,
  ).map(
    ([slug, outcome]) =>
      html`<option value="${slug}"${flag("selected", slug === form.udfald)}>${label.outcome(lang, outcome)}</option>`,
  )}</select>${fieldError(errors, "udfald")}</p>
</fieldset>
</form>`;
}

function resultList(lang: Lang, form: SearchForm, results: SearchResults): SafeHtml {
  const t = text[lang];
  const parts = partNames[lang];
  const count =
    results.total === 1
      ? t.one
      : (results.totalIsExact ? t.count : t.countAbout).replace(
          "{n}",
          results.total.toLocaleString(lang === "da" ? "da-DK" : "en-GB"),
        );
  const hits = results.data.map(
    (
      hit,
    ) => html`<li class="hit"><h3><a href="${paths.item(hit.agendaItemId)}">${t.item} ${hit.itemNumber}. ${highlighted(hit.titleHighlight)}</a></h3>
<p class="meta"><a href="${paths.organization(hit.organizationId)}">${hit.organizationName}</a>, <a href="${paths.meeting(hit.meetingId)}">${t.meetingOn} ${formatShortDate(hit.meetingStart, lang)}</a>${
      hit.matchedIn.length
        ? html`. ${t.foundIn} ${hit.matchedIn.map((part: MatchedPart) => parts[part]).join(", ")}`
        : ""
    }</p>
${hit.snippet ? html`<p class="snippet">${highlighted(hit.snippet)}</p>` : ""}</li>`,
  );
  return html`<section aria-labelledby="resultater"><h2 id="resultater">${t.results}</h2>
${results.correctedFrom ? html`<p class="notice">${t.corrected.replace("{typed}", results.correctedFrom).replace("{used}", results.query)}</p>` : ""}
<p role="status">${results.data.length ? count : t.none}</p>
${results.data.length ? html`<ol class="hits">${hits}</ol>` : ""}
${
  results.nextCursor
    ? html`<p><a href="${searchUrl({ ...form, side: results.nextCursor })}" rel="next">${t.next.replace("{n}", String(results.data.length))}</a></p>`
    : ""
}
</section>`;
}

interface SearchPageData {
  form: SearchForm;
  errors: FormErrors;
  results: SearchResults | null;
  bodies: DirectoryEntry[];
}

/** The search page: the form (its state in the address), then the results, each linking to its item. */
export function searchPage(data: SearchPageData, frame: PageFrame): SafeHtml {
  const { lang } = frame;
  const t = text[lang];
  const errorList = Object.entries(data.errors);
  return layout({
    lang,
    url: frame.url,
    signedIn: frame.signedIn,
    title: data.form.q ? t.titleFor.replace("{q}", data.form.q) : t.title,
    body: html`${breadcrumbs(lang, [{ label: t.front, href: paths.front() }, { label: t.title }])}
<h1>${t.title}</h1>
<p class="lead">${t.intro}</p>
${
  errorList.length
    ? html`<div class="error-summary" role="alert"><h2>${t.errors}</h2><ul>${errorList.map(
        ([name, message]) =>
          html`<li><a href="#${name === "omfang" ? "omfang-alle" : name === "side" ? "q" : name}">${message}</a></li>`,
      )}</ul></div>`
    : ""
}
${searchFormHtml(lang, data.form, data.errors, data.bodies)}
${data.results ? resultList(lang, data.form, data.results) : ""}`,
  });
}
