export interface GuidesTable {
  org_id: number;
  classification: string;
  arrangement: string;
  how_to_obtain: string;
  request_procedure: string;
  supervision: string;
  updated_at: string;
  updated_by: number | null;
}

declare module '../platform/db/schema.js' {
  interface DB {
    guides: GuidesTable;
  }
}
