/**
 * The agency and reviewers of the catalogue HTTP tests (catalog.http.test.ts, catalog-staff.http.test.ts):
 * 示例县财政局 with one editor, one 保密审查 reviewer and one approver.
 */
import assert from 'node:assert/strict';
import type { AppHandles, Client } from './http.js';
import { makeOrg, makeUser } from './factories.js';
import type { OrgRow } from '../../src/orgs/orgs.store.js';

/** Friday 2026-11-27 in Beijing. */
export const CATALOG_NOW = new Date('2026-11-27T02:00:00Z');

type Role = 'editor' | 'secrecy_reviewer' | 'approver';

export interface CatalogTeam {
  org: OrgRow;
  /** User names by role. */
  users: Record<Role, string>;
  /** A signed-in client of the user holding `role`. */
  login(role: string): Promise<Client>;
}

export async function catalogTeam(h: AppHandles): Promise<CatalogTeam> {
  const county = await makeOrg(h.db(), { name: '示例县' });
  const org = await makeOrg(h.db(), { parent: county, name: '示例县财政局', code: '11419999MB1004000X' });
  const users = {} as Record<Role, string>;
  for (const role of ['editor', 'secrecy_reviewer', 'approver'] as const)
    users[role] = (await makeUser(h.db(), [[role, org]])).username;
  const login = async (role: string) => {
    const c = h.client();
    assert.equal((await c.login(users[role as Role])).statusCode, 303, `login ${role}`);
    return c;
  };
  return { org, users, login };
}
