import MarkdownIt from "markdown-it";
import { SafeHtml } from "./html.ts";

/**
 * Sections are written in Markdown. Raw HTML in them is not allowed (`html: false` escapes it) and
 * markdown-it refuses `javascript:`, `vbscript:` and `data:` links, so a section cannot inject
 * script into a page.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

export function renderMarkdown(text: string | null | undefined): SafeHtml {
  return new SafeHtml(text ? markdown.render(text) : "");
}
