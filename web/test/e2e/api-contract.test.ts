import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { server } from './harness';

const run = promisify(execFile);

describe('the API client', () => {
  it("is generated from the running server's OpenAPI document (npm run api:generate -w web -- --from URL)", async () => {
    const result = await run(process.execPath, ['scripts/api.mjs', 'check', '--from', server().url]).catch(
      (error: { stdout: string; stderr: string; code: number }) => error,
    );
    expect('code' in result ? result.stderr : '', 'web/src/api is stale').toBe('');
  });
});
