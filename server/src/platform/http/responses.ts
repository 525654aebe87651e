import { z } from 'zod';

/** A change done, with nothing to say back: 204, no body (and so described in the OpenAPI document). */
export const NoContent = z.undefined().describe('Done; no content');
