import type { PlatformContext } from './platform/context.js';
import type { JobHandler } from './platform/jobs/runner.js';
import { SILENCE_JOB, silenceDeadlineHandler } from './modules/decisions/index.js';

/** Every kind of durable job the platform runs, from the modules that own them. */
export function jobHandlers(ctx: PlatformContext): Record<string, JobHandler> {
  return {
    [SILENCE_JOB]: silenceDeadlineHandler(ctx),
  };
}
