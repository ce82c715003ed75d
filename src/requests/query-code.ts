/**
 * 申请编号 and 查询码: the number is public-ish (printed on letters); the query code is a random
 * secret shown once to the applicant and stored only as a hash.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A new random 查询码 (10 characters, no look-alike characters). */
export function newQueryCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** Normalises what the applicant typed (case, spaces, dashes). */
export const normalizeQueryCode = (s: string): string => s.toUpperCase().replace(/[\s-]/g, '');

/** SHA-256 hex of the normalised code. */
export const hashQueryCode = (code: string): string =>
  createHash('sha256').update(normalizeQueryCode(code)).digest('hex');

/** Constant-time comparison of a typed code with a stored hash. */
export function queryCodeMatches(typed: string, storedHash: string): boolean {
  const a = Buffer.from(hashQueryCode(typed), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `YSQ-2026-000123`. */
export const formatRequestNo = (year: number, n: number): string => `YSQ-${year}-${String(n).padStart(6, '0')}`;

/** True for a well-formed 申请编号. */
export const isRequestNo = (s: string): boolean => /^YSQ-\d{4}-\d{6,}$/.test(s);
