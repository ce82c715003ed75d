import type { Generated } from 'kysely';
import type { Bool } from '../platform/db/schema.js';

/** An agency's 公开目录 category (组配分类), a tree per agency. */
export interface CatalogCategoriesTable {
  id: Generated<number>;
  org_id: number;
  parent_id: number | null;
  name: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

/** One item of government information in the catalogue (政府信息公开目录). */
export interface ItemsTable {
  id: Generated<number>;
  org_id: number;
  /** 索引号: unique and permanent. */
  index_no: string;
  title: string;
  summary: string | null;
  body_html: string;
  doc_no: string | null;
  doc_agency: string | null;
  doc_year: number | null;
  doc_seq: number | null;
  doc_no_norm: string | null;
  /** 主题分类 label, e.g. `综合政务\政务公开`. */
  topic: string | null;
  /** 体裁 / 公文种类. */
  genre: string;
  category_id: number | null;
  keywords: string | null;
  /** 有效 / 失效 / 废止 / 已修订. */
  validity: string;
  validity_on: string | null;
  replaced_by_id: number | null;
  /** 主动公开 / 依申请公开 / 不予公开. */
  disclosure_mode: string;
  /** Ground under 第十四至十六条 when not disclosed. */
  nondisclosure_ground: string | null;
  /** 第二十条 item (1–15), when it falls under one. */
  article20_item: number | null;
  is_rule: Bool;
  is_normative: Bool;
  /** Agency requires a 合法性审查 even when not a normative document. */
  legality_required: Bool;
  written_on: string | null;
  created_on: string;
  published_on: string | null;
  status: string;
  author_id: number | null;
  secrecy_reviewer: string | null;
  legality_reviewer: string | null;
  approver: string | null;
  withdrawn_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Previous versions of an item kept on 勘误 (correction), with the public revision note. */
export interface ItemVersionsTable {
  id: Generated<number>;
  item_id: number;
  version: number;
  title: string;
  summary: string | null;
  body_html: string;
  doc_no: string | null;
  /** Public note describing the correction that replaced this version. */
  revision_note: string;
  corrected_on: string;
  corrected_by: string;
  created_at: string;
}

/** Each workflow step taken on an item: who, what, comment, when. */
export interface ItemReviewsTable {
  id: Generated<number>;
  item_id: number;
  action: string;
  from_status: string;
  to_status: string;
  actor_id: number | null;
  actor_label: string;
  comment: string | null;
  created_at: string;
}

declare module '../platform/db/schema.js' {
  interface DB {
    catalog_categories: CatalogCategoriesTable;
    items: ItemsTable;
    item_versions: ItemVersionsTable;
    item_reviews: ItemReviewsTable;
  }
}

/** A stored file, once per content hash (SHA-256). */
export interface CatalogFilesTable {
  id: Generated<number>;
  sha256: string;
  size: number;
  mime: string;
  /** Detected kind: pdf, ofd, docx, xlsx, cfb (DOC/XLS/WPS), png, jpg, gif, webp, zip. */
  kind: string;
  /** Extracted text for the search index (null: not a text-bearing kind, or unreadable). */
  text: string | null;
  created_at: string;
}

/** A file attached to an item, with its original (Chinese) filename. */
export interface ItemAttachmentsTable {
  id: Generated<number>;
  item_id: number;
  file_id: number;
  filename: string;
  sort_order: number;
  created_at: string;
  created_by: number | null;
}

/** 政策解读: an interpretation item explains a policy document. */
export interface ItemLinksTable {
  id: Generated<number>;
  interpretation_id: number;
  document_id: number;
  created_at: string;
}

/** Where an item was also published (条例第二十三条 channels). */
export interface ItemChannelsTable {
  item_id: number;
  channel: string;
}

declare module '../platform/db/schema.js' {
  interface DB {
    catalog_files: CatalogFilesTable;
    item_attachments: ItemAttachmentsTable;
    item_links: ItemLinksTable;
    item_channels: ItemChannelsTable;
  }
}

/** Table 二 figures entered per agency and year (行政许可, 行政处罚, 行政强制 decisions; 行政事业性收费 in 万元). */
export interface AnnualFiguresTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  licensing: number;
  penalties: number;
  enforcement: number;
  /** Decimal text, e.g. `12.35` (万元). */
  fees_wan: string;
  updated_at: string;
  updated_by: number | null;
}

declare module '../platform/db/schema.js' {
  interface DB {
    annual_figures: AnnualFiguresTable;
  }
}
