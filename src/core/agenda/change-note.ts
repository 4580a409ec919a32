import { AppError } from "../../platform/errors.ts";
import type { MeetingState } from "../publication/visibility.ts";

export const CHANGE_NOTE_MAX_LENGTH = 2000;

/**
 * The note a change to the agenda carries: required once the agenda is published, where the
 * change becomes a new version shown with it; null before. `field` names it in the error.
 */
export function agendaChangeNote(
  state: MeetingState,
  note: string | null | undefined,
  field: string,
): string | null {
  const trimmed = note?.trim() || null;
  if (state === "agenda_published" && trimmed === null) {
    throw new AppError(
      "validation.invalid",
      `${field}: the agenda is published; say what changed, it is shown with the new version`,
      { field },
    );
  }
  if (trimmed && trimmed.length > CHANGE_NOTE_MAX_LENGTH) {
    throw new AppError("validation.invalid", `${field}: at most ${CHANGE_NOTE_MAX_LENGTH} characters`, {
      field,
    });
  }
  return trimmed;
}
