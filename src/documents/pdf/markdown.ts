import MarkdownIt, { type Token } from "markdown-it";

/** A stretch of text in one style. */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  href: string | null;
}

/** The blocks an item's section is made of, as the PDF lays them out. */
export type Block =
  | { type: "paragraph"; runs: Run[]; tight: boolean }
  | { type: "heading"; level: number; runs: Run[] }
  | { type: "list"; ordered: boolean; items: ListItem[] }
  | { type: "quote"; blocks: Block[] }
  | { type: "code"; text: string }
  | { type: "table"; header: string[]; rows: string[][] }
  | { type: "rule" };

interface ListItem {
  label: string;
  blocks: Block[];
}

// Raw HTML stays text; sections are the secretariat's Markdown, not a page of their own.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

function inlineRuns(token: Token | undefined): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  let href: string | null = null;
  const push = (text: string, code = false) => {
    if (text) runs.push({ text, bold: bold > 0, italic: italic > 0, code, href });
  };
  for (const child of token?.children ?? []) {
    switch (child.type) {
      case "text":
      case "html_inline":
        push(child.content);
        break;
      case "code_inline":
        push(child.content, true);
        break;
      case "softbreak":
        push(" ");
        break;
      case "hardbreak":
        push("\n");
        break;
      case "strong_open":
        bold++;
        break;
      case "strong_close":
        bold--;
        break;
      case "em_open":
        italic++;
        break;
      case "em_close":
        italic--;
        break;
      case "link_open":
        href = String(child.attrGet("href") ?? "") || null;
        break;
      case "link_close":
        href = null;
        break;
      case "image":
        push(child.content ? `[Billede: ${child.content}]` : "[Billede]");
        break;
    }
  }
  return runs;
}

const plain = (token: Token | undefined) =>
  inlineRuns(token)
    .map((run) => run.text)
    .join("");

/** Index of the token closing the one opened at `open` (same nesting depth). */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i]?.nesting ?? 0;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

function tableOf(tokens: readonly Token[]): { header: string[]; rows: string[][] } {
  const header: string[] = [];
  const rows: string[][] = [];
  let row: string[] | null = null;
  let inHead = false;
  tokens.forEach((token, i) => {
    if (token.type === "thead_open") inHead = true;
    if (token.type === "thead_close") inHead = false;
    if (token.type === "tr_open") row = [];
    if (token.type === "tr_close" && row) {
      if (inHead) header.push(...row);
      else rows.push(row);
      row = null;
    }
    if ((token.type === "th_open" || token.type === "td_open") && row) row.push(plain(tokens[i + 1]));
  });
  return { header, rows };
}

function blocksOf(tokens: readonly Token[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    const end = token.nesting === 1 ? closing(tokens, i) : i;
    const inner = tokens.slice(i + 1, end);
    switch (token.type) {
      case "paragraph_open":
        blocks.push({ type: "paragraph", runs: inlineRuns(inner[0]), tight: token.hidden });
        break;
      case "heading_open":
        blocks.push({ type: "heading", level: Number(token.tag.slice(1)), runs: inlineRuns(inner[0]) });
        break;
      case "bullet_list_open":
      case "ordered_list_open": {
        const ordered = token.type === "ordered_list_open";
        const items: ListItem[] = [];
        let next = Number(token.attrGet("start") ?? 1);
        for (let j = 0; j < inner.length; j++) {
          const item = inner[j] as Token;
          if (item.type !== "list_item_open") continue;
          const itemEnd = closing(inner, j);
          const number = item.info ? Number(item.info) : next;
          next = number + 1;
          items.push({ label: ordered ? `${number}.` : "•", blocks: blocksOf(inner.slice(j + 1, itemEnd)) });
          j = itemEnd;
        }
        blocks.push({ type: "list", ordered, items });
        break;
      }
      case "blockquote_open":
        blocks.push({ type: "quote", blocks: blocksOf(inner) });
        break;
      case "fence":
      case "code_block":
        blocks.push({ type: "code", text: token.content.replace(/\n$/, "") });
        break;
      case "table_open":
        blocks.push({ type: "table", ...tableOf(inner) });
        break;
      case "hr":
        blocks.push({ type: "rule" });
        break;
    }
    i = end + 1;
  }
  return blocks;
}

/** The section's Markdown as blocks of styled runs: no asterisks reach the page. */
export function markdownBlocks(source: string): Block[] {
  return blocksOf(markdown.parse(source, {}));
}
