/**
 * HTML by tagged template: every interpolated value is escaped unless it is already `SafeHtml`
 * (the result of `html` itself, `raw`, or the Markdown renderer). Typed functions instead of a
 * template language keep pages checked by the compiler; escaping by default keeps them safe.
 */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const escapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  for (const [index, value] of values.entries()) out += render(value) + (strings[index + 1] ?? "");
  return new SafeHtml(out);
}

/** Trusted markup only (built here, never from input). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** `attr` helper: `checked`, `selected`, `disabled` written only when true. */
export function flag(name: string, on: boolean): SafeHtml {
  return new SafeHtml(on ? ` ${name}` : "");
}
