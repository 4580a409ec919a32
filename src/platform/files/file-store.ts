import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * Where file bytes live, addressed by their sha256. The local folder is the default; an object
 * store can implement the same interface. Identical bytes are stored once.
 */
export interface FileStore {
  /** Stores the bytes and returns their sha256 (hex), which is also their key. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under this sha256; throws when absent. */
  get(sha256: string): Promise<Uint8Array>;
  has(sha256: string): Promise<boolean>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function localFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256);
  };
  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const target = pathOf(sha256);
      try {
        await fs.access(target);
      } catch {
        await fs.mkdir(path.dirname(target), { recursive: true });
        // Write aside and rename, so a crash never leaves a half file under the final name.
        const temporary = `${target}.${process.pid}.tmp`;
        await fs.writeFile(temporary, bytes);
        await fs.rename(temporary, target);
      }
      return sha256;
    },
    async get(sha256) {
      return new Uint8Array(await fs.readFile(pathOf(sha256)));
    },
    async has(sha256) {
      try {
        await fs.access(pathOf(sha256));
        return true;
      } catch {
        return false;
      }
    },
  };
}
