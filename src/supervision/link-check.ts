/**
 * Link checks of the website check: external links in published item bodies (only when enabled in the
 * settings; a timeout and a per-host limit keep the check polite) and the files behind published
 * attachments (always).
 */
import { existsSync } from 'node:fs';
import type { Db } from '../platform/db/schema.js';
import { blobPath, publishedAttachmentHashes, publishedBodiesContaining } from '../catalog/index.js';

export interface ExternalLinkSettings {
  enabled: boolean;
  timeoutMs: number;
  /** At most this many links of one host are checked in one run (the rest are skipped). */
  perHost: number;
}

/** Absolute http(s) links of a body, excluding links to the site itself. */
export function externalLinks(html: string, ownHost: string | null): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/href\s*=\s*["'](https?:\/\/[^"'\s<>]+)["']/gi)) {
    try {
      const u = new URL(m[1]);
      if (ownHost && u.host === ownHost) continue;
      out.push(u.toString());
    } catch {
      // not a URL: ignore
    }
  }
  return out;
}

async function alive(url: string, timeoutMs: number): Promise<boolean> {
  for (const method of ['HEAD', 'GET'] as const) {
    try {
      const res = await fetch(url, { method, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
      await res.body?.cancel();
      if (res.status === 405 && method === 'HEAD') continue;
      return res.status < 400;
    } catch {
      return false;
    }
  }
  return false;
}

/** Checks each distinct URL once, hosts in parallel, links of one host one after another. */
export async function checkExternalLinks(
  urls: readonly string[],
  s: ExternalLinkSettings,
): Promise<{ checked: number; skipped: number; broken: string[] }> {
  const byHost = new Map<string, string[]>();
  for (const u of new Set(urls)) {
    const host = new URL(u).host;
    byHost.set(host, [...(byHost.get(host) ?? []), u]);
  }
  let checked = 0;
  let skipped = 0;
  const broken: string[] = [];
  await Promise.all(
    [...byHost.values()].map(async (list) => {
      for (const [i, u] of list.entries()) {
        if (i >= s.perHost) {
          skipped++;
          continue;
        }
        checked++;
        if (!(await alive(u, s.timeoutMs))) broken.push(u);
      }
    }),
  );
  return { checked, skipped, broken: broken.sort() };
}

/** Published items' external links of the agency's subtree. */
export async function agencyExternalLinks(db: Db, orgId: number, ownHost: string | null): Promise<string[]> {
  return (await publishedBodiesContaining(db, orgId, ['http://', 'https://'])).flatMap((b) =>
    externalLinks(b, ownHost),
  );
}

/** Published attachments of the agency whose stored file is missing (a broken download link). */
export async function missingAttachmentFiles(db: Db, orgId: number, blobDir: string): Promise<number> {
  return (await publishedAttachmentHashes(db, orgId)).filter((sha) => !existsSync(blobPath(blobDir, sha))).length;
}
