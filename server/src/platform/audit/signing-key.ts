import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The key that signs checkpoints of the audit chain. It lives outside the database (a file, or an
 * environment variable), so whoever can rewrite the database cannot sign a checkpoint for a chain
 * they rewrote.
 */
export interface AuditSigner {
  /** SHA-256 of the public key (SPKI DER), hex: names the key in every checkpoint. */
  readonly keyId: string;
  /** The public key as PEM (SPKI), published beside the checkpoints. */
  readonly publicKeyPem: string;
  sign(statement: string): string;
}

/** A trusted public key: the verifying side of an AuditSigner. */
export interface AuditVerifier {
  readonly keyId: string;
  readonly publicKeyPem: string;
  verify(statement: string, signature: string): boolean;
}

export const keyIdOf = (publicKey: KeyObject): string => createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');

/** A verifier for a public key given as PEM; throws a readable error for anything but an Ed25519 key. */
export function auditVerifier(publicKeyPem: string): AuditVerifier {
  const key = createPublicKey(publicKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('The audit key must be an Ed25519 key.');
  return {
    keyId: keyIdOf(key),
    publicKeyPem: key.export({ type: 'spki', format: 'pem' }).toString(),
    verify: (statement, signature) => {
      try {
        return verify(null, Buffer.from(statement, 'utf8'), key, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

function signerOf(privateKeyPem: string): AuditSigner {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('The audit signing key must be an Ed25519 private key (PEM, PKCS #8).');
  const publicKey = createPublicKey(key);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (statement) => sign(null, Buffer.from(statement, 'utf8'), key).toString('base64'),
  };
}

/** A new Ed25519 private key as PEM (PKCS #8). */
export const newAuditKeyPem = (): string => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** Writes a new key to `file` (readable by its owner only); refuses to overwrite one. */
export function createAuditKeyFile(file: string): AuditSigner {
  const pem = newAuditKeyPem();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  return signerOf(pem);
}

export type AuditKeySource = { pem: string } | { file: string };

/**
 * The configured signer: the PEM given in the environment, or the key file. With `create`, a missing
 * key file is created (a new platform signs from its first start); without, a missing file gives null.
 */
export function loadAuditSigner(source: AuditKeySource, options: { create: boolean }): AuditSigner | null {
  if ('pem' in source) return signerOf(source.pem);
  if (fs.existsSync(source.file)) return signerOf(fs.readFileSync(source.file, 'utf8'));
  if (!options.create) return null;
  try {
    return createAuditKeyFile(source.file);
  } catch (error) {
    // Another process created it between the check and the write: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return signerOf(fs.readFileSync(source.file, 'utf8'));
    throw error;
  }
}
