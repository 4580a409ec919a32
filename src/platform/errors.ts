/**
 * The closed list of error codes the domain raises. Each code maps to one HTTP status in
 * `http/problem.ts`; clients may rely on the code, the message is for people.
 */
export const errorCodes = {
  "validation.invalid": 400,
  "validation.cursor": 400,
  "auth.required": 401,
  "auth.forbidden": 403,
  "auth.csrf": 403,
  "auth.throttled": 429,
  "record.not_found": 404,
  "record.conflict": 409,
  "membership.overlap": 409,
  "agenda_item.number_taken": 409,
  "meeting.minutes_approved": 409,
  "meeting.invalid_transition": 409,
  "record.referenced": 409,
  "agenda.locked": 409,
  "upload.too_large": 413,
  "upload.unsupported_type": 415,
  "restore.not_empty": 409,
  "document.not_available": 404,
  "storage.locked": 423,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** Details that help a client fix the request: the field at fault, and anything else useful. */
interface ErrorDetails {
  field?: string;
  [key: string]: unknown;
}

/** The one error type `core/` and `platform/` throw on purpose. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

export function notFound(type: string, id: string): AppError {
  return new AppError("record.not_found", `${type} ${id} does not exist`, { type, id });
}
