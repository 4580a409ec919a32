import { consultationTable, createCase, createConsultation } from "../core/cases/cases.ts";
import type { Context } from "../core/shared/context.ts";
import { inTransaction } from "../core/shared/transaction.ts";
import { newId } from "../platform/ids.ts";
import * as world from "./world.data.ts";

type Purpose = "information" | "discussion" | "decision";

/** A case whose path a seed document states: where it was treated, and where it is to go next. */
interface DemoCasePath {
  title: string;
  reference: string | null;
  source: string;
  /** Treatments at items of meetings the importer brings in. */
  treated: { organizationKey: string; meetingDate: string; itemNumber: string; purpose: Purpose }[];
  /** The treatments the document plans (body, date, purpose). */
  planned: { organizationKey: string; date: string; purpose: Purpose; source: string }[];
}

// Seed 001 item 6 prints its process: "KD-Net møde den 22. januar 2021 – drøftelse af proces ...;
// KD-Net møde den 9. april 2021 – forberedelse af sag til KKR møde den 23. april 2021; KKR møde den
// 23. april 2021 – orientering og drøftelse ...; Endelig beslutning i Midttrafiks Repræsentantskab
// den 18. juni 2021". The item prints no case number, so the case has none.
const demoCasePaths: readonly DemoCasePath[] = [
  {
    title: "Midttrafiks indtægtsfordelingsmodel",
    reference: null,
    source: "001 item 6",
    treated: [
      { organizationKey: "kd-net", meetingDate: "2021-01-22", itemNumber: "6", purpose: "discussion" },
    ],
    planned: [
      { organizationKey: "kd-net", date: "2021-04-09", purpose: "discussion", source: "001 item 6" },
      { organizationKey: "kkr-midtjylland", date: "2021-04-23", purpose: "discussion", source: "001 item 6" },
      {
        organizationKey: "midttrafik-repraesentantskab",
        date: "2021-06-18",
        purpose: "decision",
        source: "001 item 6",
      },
    ],
  },
];

/**
 * Records the case paths the seeds state, once the importer has brought their meetings in.
 * Returns how many cases were recorded; a case whose meeting is missing is left out whole.
 */
export async function loadDemoCasePaths(ctx: Context): Promise<number> {
  const organizationName = new Map(world.organizations.map((o) => [o.key, o.name]));
  const organizationId = async (db: Context["db"], key: string) => {
    const [row] = await db.query<{ id: string }>("SELECT id FROM organizations WHERE name = $1", [
      organizationName.get(key),
    ]);
    if (!row) throw new Error(`demo case paths: no organisation ${key}`);
    return row.id;
  };
  let loaded = 0;
  for (const path of demoCasePaths) {
    const done = await inTransaction(ctx, async (db) => {
      const tx = { ...ctx, db };
      const items: { id: string; purpose: Purpose }[] = [];
      for (const treated of path.treated) {
        const [item] = await db.query<{ id: string }>(
          `SELECT i.id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
           WHERE m.organization_id = $1 AND (m.start_at AT TIME ZONE 'Europe/Copenhagen')::date = $2::date
             AND i.number = $3`,
          [await organizationId(db, treated.organizationKey), treated.meetingDate, treated.itemNumber],
        );
        if (!item) return false;
        items.push({ id: item.id, purpose: treated.purpose });
      }
      const created = await createCase(tx, { title: path.title, reference: path.reference });
      // The imported minutes are approved, and core refuses changes to approved minutes. Linking
      // the case is not a change of what the minutes say; the demo writes the link the document
      // states the way the importer writes its rows, through the record's table.
      for (const item of items) {
        await consultationTable.insert(
          db,
          newId(),
          { caseId: created.id, agendaItemId: item.id, purpose: item.purpose },
          ctx.actor.id,
        );
      }
      for (const planned of path.planned) {
        await createConsultation(tx, {
          caseId: created.id,
          organizationId: await organizationId(db, planned.organizationKey),
          plannedDate: planned.date,
          purpose: planned.purpose,
        });
      }
      return true;
    });
    if (done) loaded++;
  }
  return loaded;
}
