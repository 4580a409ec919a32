import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AppError } from "../errors.ts";

/**
 * PGlite has no lock between processes: two processes on one folder lose committed rows. The
 * owner of a data folder writes its pid to `samraad.lock`; a second owner is refused while that
 * process lives, and a lock left by a dead process is taken over.
 */
interface DataFolderLock {
  readonly path: string;
  release(): void;
}

interface LockContent {
  pid: number;
  host: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(lockPath: string): LockContent | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(lockPath, "utf8"));
    if (parsed && typeof parsed === "object" && "pid" in parsed && typeof parsed.pid === "number") {
      return parsed as LockContent;
    }
    return null;
  } catch {
    return null;
  }
}

export function acquireDataFolderLock(dataDir: string): DataFolderLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "samraad.lock");
  const content: LockContent = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(content), { flag: "wx" });
      let released = false;
      return {
        path: lockPath,
        release() {
          if (released) return;
          released = true;
          if (readLock(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(lockPath);
      const sameHost = holder?.host === undefined || holder.host === os.hostname();
      if (holder && (!sameHost || isAlive(holder.pid))) {
        throw new AppError(
          "storage.locked",
          `The data folder ${dataDir} is in use by process ${holder.pid} on ${holder.host} since ${holder.since}. ` +
            "Stop that process, or give this one another --data folder.",
          { field: "dataDir", pid: holder.pid },
        );
      }
      // The holder died without releasing: take the lock over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError("storage.locked", `Could not lock the data folder ${dataDir}`, { field: "dataDir" });
}
