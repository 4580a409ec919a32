/**
 * A body's numbering of its agenda. Flat: 1..n in order. Grouped: each run of consecutive items under
 * the same heading is one group g, its items g.1, g.2, ...; an item without a heading is a group of
 * its own, numbered g. Numbers always follow the order, so they renumber themselves.
 */
export const numberingSchemes = ["flat", "grouped"] as const;
export type NumberingScheme = (typeof numberingSchemes)[number];

export function numberItems(
  scheme: NumberingScheme,
  items: readonly { groupHeading: string | null }[],
): string[] {
  if (scheme === "flat") return items.map((_, index) => String(index + 1));
  const numbers: string[] = [];
  let group = 0;
  let within = 0;
  let previous: string | null = null;
  for (const item of items) {
    const heading = item.groupHeading?.trim() || null;
    if (heading === null) {
      group += 1;
      numbers.push(String(group));
    } else {
      if (heading !== previous) {
        group += 1;
        within = 0;
      }
      within += 1;
      numbers.push(`${group}.${within}`);
    }
    previous = heading;
  }
  return numbers;
}
