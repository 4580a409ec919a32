/**
 * What the browser tests share: Debian's Chromium through playwright-core, axe-core's findings,
 * and moving the focus with Tab as a keyboard user does.
 */
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium, headless; `scripts/ensure-chromium.sh` installs it when it is missing. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/** axe's tags for the rules of WCAG 2.1, levels A and AA. */
export const WCAG_21_AA: readonly string[] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe's violations on the page as it is now, one line each. By default every rule at every impact;
 * `tags` limits the rules (e.g. `WCAG_21_AA`), `seriousOnly` keeps the serious and critical ones.
 */
export async function axeViolations(
  page: Page,
  options: { tags?: readonly string[]; seriousOnly?: boolean } = {},
): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (options.tags) builder.withTags([...options.tags]);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => !options.seriousOnly || v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The element that has the focus: its id, `aria-label`, text and tag name. */
interface Focused {
  id: string;
  label: string;
  text: string;
  tag: string;
}

function focused(page: Page): Promise<Focused> {
  // A string, not a function: the tests are compiled without the DOM's types.
  return page.evaluate(`(() => {
    const el = document.activeElement;
    return {
      id: (el && el.id) || "",
      label: (el && el.getAttribute("aria-label")) || "",
      text: ((el && el.textContent) || "").trim(),
      tag: (el && el.tagName) || "",
    };
  })()`);
}

/**
 * Presses Tab until the focused element matches, as a keyboard user would; fails, naming `what`,
 * when 300 presses do not get there.
 */
export async function tabTo(page: Page, matches: (el: Focused) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (matches(await focused(page))) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`${what} cannot be reached with Tab on ${page.url()}`);
}

/** `tabTo` targets: the element with this id, this `aria-label`, or the button or link with this text. */
export const byId = (id: string) => (el: Focused) => el.id === id;
export const byLabel = (label: string) => (el: Focused) => el.label === label;
export const byText = (text: string) => (el: Focused) =>
  el.text === text && (el.tag === "BUTTON" || el.tag === "A");
