import { existsSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import type { Config } from '../../src/platform/config.js';
import type { Database } from '../../src/platform/db/database.js';
import { buildApp } from '../../src/app/build-app.js';
import { freshDatabase, testConfig } from '../helpers/db.js';

export const CHROMIUM = process.env.GONGKAI_CHROMIUM ?? '/usr/bin/chromium';
export const browserSkip = existsSync(CHROMIUM) ? false : `SKIPPED: ${CHROMIUM} not found (browser tier)`;

/** Launches Debian Chromium headless (playwright gives it a fresh temporary profile) with no background networking. */
export async function launch(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'gk-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Starts the app on a random loopback port. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return `http://127.0.0.1:${addr.port}`;
}

/** axe-core scan: no serious or critical violations. */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    ),
    [],
    `accessibility violations on ${label}`,
  );
}

/** The axe-core rule tags of WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core scan with the WCAG 2 A/AA rules only: no violation at all, whatever its impact. */
export async function assertWcagAA(page: Page, label: string): Promise<void> {
  const r = await new AxeBuilder({ page }).withTags(WCAG_AA_TAGS).analyze();
  assert.deepEqual(
    r.violations.map(
      (v) =>
        `${v.id} (${v.impact ?? ''}): ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    ),
    [],
    `WCAG 2 A/AA violations on ${label}`,
  );
}

/** Saves a screenshot under .tmp/screenshots for a person to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = path.resolve('.tmp/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** A running app on a fresh SQLite database with Chromium, for one browser journey. */
export interface BrowserApp {
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Fresh SQLite database seeded by `seed`, the composed app on a loopback port and Chromium.
 * `close()` stops all three.
 */
export async function startBrowserApp(
  seed: (env: { database: Database; config: Config }) => Promise<void>,
  opts: { now?: () => Date } = {},
): Promise<BrowserApp> {
  const { database, drop } = await freshDatabase('sqlite');
  const config = testConfig();
  await seed({ database, config });
  const app = await buildApp(config, database, opts);
  const base = await listen(app);
  const { browser, close } = await launch();
  return {
    base,
    browser,
    async close() {
      await close();
      await app.close();
      await drop();
    },
  };
}
