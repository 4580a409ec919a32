import type { Database } from "../../platform/db/database.ts";
import { AppError } from "../../platform/errors.ts";
import type { Context } from "./context.ts";

interface PostgresError {
  code: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

function isPostgresError(error: unknown): error is PostgresError {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof error.code === "string" &&
    /^[0-9A-Z]{5}$/.test(error.code)
  );
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The rules the schema enforces, in the words of the domain. */
const constraintErrors: Record<string, () => AppError> = {
  memberships_no_overlap: () =>
    new AppError(
      "membership.overlap",
      "startDate/endDate: this person already holds this role in this organisation in an overlapping period; end the earlier appointment first (the day before the new one starts)",
      { field: "startDate" },
    ),
  agenda_items_number_unique: () =>
    new AppError("agenda_item.number_taken", "number: another item of this meeting already has this number", {
      field: "number",
    }),
  cases_reference_unique: () =>
    new AppError("record.conflict", "reference: another case already has this reference", {
      field: "reference",
    }),
  consultations_one_case_per_item: () =>
    new AppError("record.conflict", "agendaItemId: this agenda item already treats a case", {
      field: "agendaItemId",
    }),
  consultations_actual_or_planned: () =>
    new AppError(
      "validation.invalid",
      "a consultation needs an agendaItemId (actual) or an organizationId and a plannedDate (planned)",
      { field: "agendaItemId" },
    ),
  files_attached_once: () =>
    new AppError(
      "validation.invalid",
      "a file is attached to exactly one of agendaItemId, meetingId, caseId",
      {
        field: "agendaItemId",
      },
    ),
  memberships_principal_only_for_substitutes: () =>
    new AppError("validation.invalid", "principalPersonId: only a substitute has a principal", {
      field: "principalPersonId",
    }),
  memberships_not_own_principal: () =>
    new AppError("validation.invalid", "principalPersonId: a person cannot substitute for themselves", {
      field: "principalPersonId",
    }),
  organizations_not_own_parent: () =>
    new AppError("validation.invalid", "parentId: an organisation cannot be its own parent", {
      field: "parentId",
    }),
  users_email_unique: () =>
    new AppError("record.conflict", "email: another user has this e-mail address", { field: "email" }),
  meeting_attendance_substitute_present: () =>
    new AppError("validation.invalid", "attendance: a substitute must be present", { field: "attendance" }),
};

/** Turns a database error into the domain's error; other errors pass through unchanged. */
export function translateDatabaseError(error: unknown): unknown {
  if (!isPostgresError(error)) return error;
  const known = error.constraint ? constraintErrors[error.constraint] : undefined;
  if (known) return known();
  switch (error.code) {
    case "23503": {
      const key = /Key \(([a-z_]+)\)=\(([^)]*)\)/.exec(error.detail ?? "");
      if (error.detail?.includes("is still referenced")) {
        const table = /referenced from table "([a-z_]+)"/.exec(error.detail)?.[1];
        return new AppError(
          "record.referenced",
          `the record is still referred to by ${table ? `rows of ${table}` : "other records"}; remove or change those first`,
          table ? { referencedBy: table } : {},
        );
      }
      const field = key?.[1] ? camel(key[1]) : "reference";
      return new AppError(
        "validation.invalid",
        `${field}: there is no record with id ${key?.[2] ?? "given"}`,
        {
          field,
        },
      );
    }
    case "23514":
      if (error.constraint?.endsWith("_period")) {
        return new AppError("validation.invalid", "endDate: the end must not be before the start", {
          field: "endDate",
        });
      }
      return new AppError(
        "validation.invalid",
        `a value breaks the rule ${error.constraint ?? "of the record"}`,
        {
          field: error.column ? camel(error.column) : (error.constraint ?? "body"),
        },
      );
    case "23505":
      return new AppError(
        "record.conflict",
        `a record with these values exists already (${error.constraint})`,
        {},
      );
    case "22P02":
    case "22007":
    case "22008":
      return new AppError("validation.invalid", "a value has the wrong form for its field", {});
    default:
      return error;
  }
}

/**
 * Runs a write as one transaction and reports broken rules as domain errors: every use case that
 * writes goes through here, so a failed request leaves the record as it was.
 */
export async function inTransaction<T>(ctx: Context, work: (tx: Database) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction(work);
  } catch (error) {
    throw translateDatabaseError(error);
  }
}
