import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { referenceFolder } from '../../platform/reference-folder.js';

/** The project's copy of the reference data (from shared/data/framework.json). */
export const referenceFile = path.join(referenceFolder, 'framework.json');

const ReferenceFile = z.object({
  officialLanguages: z.array(z.object({ code: z.string(), name: z.string() })),
  regionalGroups: z.array(z.object({ id: z.string(), name: z.string(), officialName: z.string() })),
});

export type LanguagesAndGroups = z.infer<typeof ReferenceFile>;

/** Reads the official languages and regional groups from the reference file. */
export function readLanguagesAndGroups(file = referenceFile): LanguagesAndGroups {
  return ReferenceFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}
