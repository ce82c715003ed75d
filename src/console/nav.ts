import type { Actor } from '../platform/context.js';
import { rolesAllow } from '../orgs/index.js';

/** A console navigation entry shown to users holding one of its roles. */
export interface NavItem {
  href: string;
  label: string;
  /** Roles that see the entry; empty = every signed-in staff user. */
  roles: readonly string[];
  group: string;
}

const items: NavItem[] = [];

/** Each console module registers its entries once at start-up. */
export function registerNav(...entries: NavItem[]): void {
  for (const e of entries) if (!items.some((i) => i.href === e.href)) items.push(e);
}

/** The entries this actor may see, in registration order. */
export function navFor(actor: Actor): NavItem[] {
  return items.filter((i) => !i.roles.length || rolesAllow(actor, i.roles));
}
