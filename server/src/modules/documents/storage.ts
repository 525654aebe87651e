import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Config } from '../../platform/config.js';

/**
 * Where uploaded files live. Files are addressed by the SHA-256 of their bytes, so the same file
 * stored twice is kept once, and a key never points at other bytes than those it was given for.
 * Chosen by configuration: a folder under the data folder now; an S3-compatible store later.
 */
export interface FileStorage {
  /** Stores the bytes and returns their key. */
  put(bytes: Uint8Array): Promise<{ key: string; sha256: string; size: number }>;
  /** The bytes under a key, as a stream; null when there is none. */
  open(key: string): Promise<Readable | null>;
  readonly describe: string;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** Files in a folder, written to a temporary name and renamed, so a reader never sees half a file. */
export function localFileStorage(root: string): FileStorage {
  const fileOf = (key: string) => {
    if (!KEY.test(key)) throw new Error('not a storage key');
    return path.join(root, key);
  };
  return {
    describe: root,
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const key = `${sha256.slice(0, 2)}/${sha256}`;
      const file = fileOf(key);
      if (!fs.existsSync(file)) {
        await fsp.mkdir(path.dirname(file), { recursive: true });
        const temp = `${file}.${randomUUID()}.part`;
        await fsp.writeFile(temp, bytes);
        await fsp.rename(temp, file);
      }
      return { key, sha256, size: bytes.byteLength };
    },
    async open(key) {
      const file = fileOf(key);
      try {
        await fsp.access(file, fs.constants.R_OK);
      } catch {
        return null;
      }
      return fs.createReadStream(file);
    },
  };
}

/** The storage the configuration names. */
export function createFileStorage(config: Pick<Config, 'dataDir' | 'fileStorage'>): FileStorage {
  switch (config.fileStorage) {
    case 'local':
      return localFileStorage(path.join(config.dataDir, 'files'));
  }
}
