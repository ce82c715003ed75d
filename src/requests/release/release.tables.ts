import type { Generated } from 'kysely';

/** A document of a case's release package: the original (staff only) and the copy the applicant gets. */
export interface RequestReleaseDocumentsTable {
  id: Generated<number>;
  request_id: number;
  filename: string;
  /** pdf | docx | jpeg | png */
  kind: string;
  /** What part of the request it answers. */
  answers: string;
  original_sha256: string;
  original_size: number;
  /** The released copy; null until made (then the package cannot be approved). */
  released_sha256: string | null;
  released_size: number | null;
  /** JSON array of RedactionBox. */
  boxes: string;
  /** Reason codes used, comma-separated, in REDACTION_REASONS order. */
  reasons: string;
  created_at: string;
  created_by: number | null;
  redacted_at: string | null;
  redacted_by: number | null;
}

/** The approval of a case's package: by whom, and until when (YYYY-MM-DD, Beijing) the applicant may download. */
export interface RequestReleasesTable {
  request_id: number;
  approved_at: string;
  approved_by: number;
  available_until: string;
}

/** One download by the applicant. */
export interface RequestReleaseDownloadsTable {
  id: Generated<number>;
  request_id: number;
  document_id: number;
  downloaded_at: string;
  address: string | null;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    request_release_documents: RequestReleaseDocumentsTable;
    request_releases: RequestReleasesTable;
    request_release_downloads: RequestReleaseDownloadsTable;
  }
}
