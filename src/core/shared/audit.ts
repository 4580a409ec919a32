import type { AuditFields } from "../../platform/db/table.ts";
import { toDanishIsoString } from "../../platform/time.ts";

export interface AuditOut {
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** Turns a row's audit timestamps into Danish-offset ISO strings. */
export function presentAudit<Row extends AuditFields>(row: Row): Omit<Row, keyof AuditFields> & AuditOut {
  return {
    ...row,
    createdAt: toDanishIsoString(row.createdAt),
    updatedAt: toDanishIsoString(row.updatedAt),
  };
}
