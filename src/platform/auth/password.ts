import { hash, verify } from '@node-rs/argon2';
import { randomBytes, createHash } from 'node:crypto';

// argon2id (algorithm 2) with OWASP-recommended parameters.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Verifies a password against an argon2 hash; false on any malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash that never matches, to spend the same time when the user does not exist. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

/** A readable one-time password: 16 characters without look-alikes, with a digit and letters of both cases. */
export function generatePassword(): string {
  const lower = 'abcdefghjkmnpqrstuvwxyz';
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = lower + upper + digits;
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => all[b % all.length]);
  chars[3] = digits[bytes[3] % digits.length];
  chars[7] = upper[bytes[7] % upper.length];
  chars[11] = lower[bytes[11] % lower.length];
  return chars.join('');
}

/** Random secret token (URL-safe) and its sha256 for storage. */
export function newSecretToken(bytes = 32): { token: string; hash: string } {
  const token = randomBytes(bytes).toString('base64url');
  return { token, hash: sha256(token) };
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
