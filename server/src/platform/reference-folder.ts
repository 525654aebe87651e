import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's reference data (copied from shared/data), read at every start. */
export const referenceFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../reference');
