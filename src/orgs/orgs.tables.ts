import type { Generated } from 'kysely';
import type { Bool } from '../platform/db/schema.js';

export interface OrgsTable {
  id: Generated<number>;
  parent_id: number | null;
  path: string;
  depth: number;
  kind: string;
  name: string;
  short_name: string | null;
  code: string | null;
  sort_order: number;
  office_name: string | null;
  address: string | null;
  office_hours: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
  postcode: string | null;
  is_demo: Bool;
  disabled: Bool;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  password_hash: string;
  must_change_password: Bool;
  password_changed_at: string | null;
  disabled: Bool;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  is_demo: Bool;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantsTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  org_id: number;
  created_at: string;
  created_by: number | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  prefix: string;
  token_hash: string;
  /** JSON array of role names the token may use. */
  scopes: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

declare module '../platform/db/schema.js' {
  interface DB {
    orgs: OrgsTable;
    users: UsersTable;
    role_grants: RoleGrantsTable;
    api_tokens: ApiTokensTable;
  }
}
