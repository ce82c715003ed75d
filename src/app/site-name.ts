import type { Db } from '../platform/db/schema.js';
import { rootOrg } from '../orgs/index.js';
import { elapsedMs } from '../platform/clock.js';

/** The site's name: the root organisation's name, cached for 30 s. */
export class SiteName {
  private value = '政务公开平台';
  private at = 0;
  constructor(private readonly db: Db) {}
  async refresh(): Promise<void> {
    const root = await rootOrg(this.db);
    this.value = root ? `${root.name}政务公开` : '政务公开平台';
    this.at = elapsedMs();
  }
  get(): string {
    if (elapsedMs() - this.at > 30_000) void this.refresh().catch(() => undefined);
    return this.value;
  }
  invalidate(): void {
    this.at = 0;
  }
}
