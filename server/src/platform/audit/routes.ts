import { z } from 'zod';
import type { App } from '../http/server.js';
import type { Database } from '../db/database.js';
import { guard, publicRead } from '../http/policy.js';
import { CheckpointSchema, listAuditCheckpoints } from './checkpoint.js';
import type { AuditSigner } from './signing-key.js';

/**
 * GET /api/v1/audit/checkpoints: the signed checkpoints of the audit chain and the key that signs
 * them. Anyone may keep a copy: `npm run audit:verify -- --checkpoints FILE` checks a database
 * against it, so a chain cut short or rewritten after a kept checkpoint is found.
 */
export function auditCheckpointRoutes(app: App, database: Database, signer: AuditSigner): void {
  app.get(
    '/api/v1/audit/checkpoints',
    {
      config: { policy: guard(publicRead) },
      schema: {
        tags: ['platform'],
        summary: 'Signed checkpoints of the audit chain',
        response: {
          200: z.object({
            algorithm: z.literal('Ed25519'),
            keyId: z.string(),
            publicKey: z.string().describe('PEM (SPKI)'),
            checkpoints: z.array(CheckpointSchema),
          }),
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return { algorithm: 'Ed25519' as const, keyId: signer.keyId, publicKey: signer.publicKeyPem, checkpoints: await listAuditCheckpoints(database.db) };
    },
  );
}
