import { notFound } from "../../platform/errors.ts";
import type { OrganizationRef } from "../agenda/agenda-item-view.ts";
import { findSeats, type SeatView } from "../memberships/seats.ts";
import type { Context } from "../shared/context.ts";

interface AffiliationView {
  position: string | null;
  organization: OrganizationRef | null;
  startDate: string | null;
  endDate: string | null;
}

/** A person as their page shows them: people in public bodies are public record. */
export interface PersonProfile {
  id: string;
  name: string;
  title: string | null;
  affiliations: AffiliationView[];
  seats: SeatView[];
}

export async function getPersonProfile(ctx: Context, id: string): Promise<PersonProfile> {
  const rows = await ctx.db.query<Omit<PersonProfile, "seats">>(
    `SELECT p.id, p.name, p.title,
       COALESCE((SELECT json_agg(json_build_object('position', a.position,
           'organization', CASE WHEN o.id IS NULL THEN NULL
             ELSE json_build_object('id', o.id, 'name', o.name, 'shortName', o.short_name) END,
           'startDate', a.start_date, 'endDate', a.end_date) ORDER BY a.start_date DESC NULLS LAST, a.id)
         FROM person_affiliations a LEFT JOIN organizations o ON o.id = a.organization_id
         WHERE a.person_id = p.id), '[]') AS affiliations
     FROM people p WHERE p.id = $1`,
    [id],
  );
  const person = rows[0];
  if (!person) throw notFound("person", id);
  return { ...person, seats: await findSeats(ctx, { personId: id }) };
}
