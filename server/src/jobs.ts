import type { PlatformContext } from './platform/context.js';
import type { JobHandler } from './platform/jobs/runner.js';

/** Every kind of durable job the platform runs, from the modules that own them. */
export function jobHandlers(_ctx: PlatformContext): Record<string, JobHandler> {
  return {};
}
