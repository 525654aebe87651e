import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The project's copy of the reference data (from shared/data/framework.json). */
export const referenceFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../reference/framework.json');

const ReferenceFile = z.object({
  officialLanguages: z.array(z.object({ code: z.string(), name: z.string() })),
  regionalGroups: z.array(z.object({ id: z.string(), name: z.string(), officialName: z.string() })),
});

export type LanguagesAndGroups = z.infer<typeof ReferenceFile>;

/** Reads the official languages and regional groups from the reference file. */
export function readLanguagesAndGroups(file = referenceFile): LanguagesAndGroups {
  return ReferenceFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}
