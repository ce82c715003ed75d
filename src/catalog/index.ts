/**
 * Entry module of 主动公开 (catalog): the 公开目录, items, review and publication, attachments, imports and exports.
 *
 * The only door into this capability from outside it (console, portal, api, cli, app and the other
 * capabilities): its use-cases, named read queries, rules and input schemas. Everything else in this
 * folder is internal; `npm run lint` enforces it (no-restricted-imports in eslint.config.js).
 */
export { addAttachment, cleanFilename } from './add-attachment.js';
export { addCategory } from './add-category.js';
export { annualTable2, ownFigures } from './annual-table2.js';
export type { Table2 } from './annual-table2.js';
export { blobPath, removeBlob, sha256, sniff, storeBlob } from './attachment-files.js';
export { classifyAttachment } from './attachment.rules.js';
export type { Sniffed } from './attachment.rules.js';
export { bulkItems } from './bulk-items.js';
export { catalogCalendar } from './catalog-calendar.js';
export {
  agenciesWithCategories,
  categoryFacts,
  categoryNames,
  lastProactivePublished,
  proactiveCounts,
  proactivePublishedByMonth,
  publishedAttachmentHashes,
  publishedBodiesContaining,
  publishedItemIds,
  uninterpretedCounts,
  unpublishedCreatedBy,
} from './catalog-figures.js';
export {
  ARTICLE20_ITEMS,
  CHANNELS,
  DISCLOSURE_MODES,
  GENRES,
  INTERPRETATION_DUE_WORKING_DAYS,
  NONDISCLOSURE_GROUNDS,
  TOPIC_LABELS,
  VALIDITIES,
} from './catalog-labels.rules.js';
export { agenciesFor } from './catalog-orgs.js';
export { CATALOG_QUEUE_ROLES, CATALOG_VIEWERS, ITEM_WRITERS } from './catalog-policy.rules.js';
export { catalogSearchSource, itemSearchDoc } from './catalog-search-source.js';
// ./catalog-xlsx.js loads a heavy library: its functions are loaded on first use.
export const catalogXlsx: (typeof import('./catalog-xlsx.js'))['catalogXlsx'] = async (...args) =>
  (await import('./catalog-xlsx.js')).catalogXlsx(...args);
export { getPublicAttachment, listAttachments } from './attachments.store.js';
export type { AttachmentWithFile } from './attachments.store.js';
export { listCategories, listPublicItems, publicCategoryCounts, publicItems } from './catalog.store.js';
export type { CategoryRow, ItemVersionRow, ItemWithOrg } from './catalog.store.js';
export {
  isPublicSort,
  PUBLIC_SORTS,
  type PublicSort,
  STAFF_ITEM_SORTS,
  STAFF_ITEM_SORT_KEYS,
  type StaffItemSort,
} from './item-sorts.rules.js';
export { agencyCategories, categoriesOf, categoryOrg } from './categories.js';
export { categoryPath, categoryTree, subtreeIds } from './category-tree.rules.js';
export type { CategoryNode } from './category-tree.rules.js';
export { CATEGORY_EDITORS } from './category.rules.js';
export { correctItem } from './correct-item.js';
export { createItem } from './create-item.js';
export { deleteCategory } from './delete-category.js';
export { displayDocNumber } from './doc-number.rules.js';
export { publicCatalogRows, staffCatalogRows } from './export-rows.rules.js';
export { fillBodyFromDocx } from './fill-body-from-docx.js';
export { FIGURE_COLUMNS, importAnnualFigures } from './import-annual-figures.js';
export { readImportZip } from './import-attachments.js';
export { importRows, readImportTable } from './import-file.js';
export { importItems } from './import-items.js';
export type { ImportReport } from './import-items.js';
export { IMPORT_COLUMNS } from './import-rows.rules.js';
export { getIndexPattern } from './index-pattern.js';
export { uninterpretedPublishedBy } from './interpretation-due.rules.js';
export type { ItemInput } from './item-input.rules.js';
export { currentItem, itemsInScope, itemWithReviews, publishedItem, publishedItems } from './item-reads.js';
export {
  ACTION_LABELS,
  availableActions,
  IMPORT_ROLES,
  isItemAction,
  isItemStatus,
  ITEM_STATUSES,
  STATUS_LABELS,
} from './item-workflow.rules.js';
export type { ItemAction } from './item-workflow.rules.js';
export { keyAreaCounts, keyAreaItems, keyAreaMapping } from './key-areas.js';
export { DEFAULT_KEY_AREA_MAPPING, KEY_AREAS, keyArea, MAX_AREA_WORDS } from './key-areas.rules.js';
export type { KeyArea, KeyAreaMapping } from './key-areas.rules.js';
export { LINKERS, linkInterpretation } from './link-interpretation.js';
export {
  article20Counts,
  article20Items,
  feedItems,
  findOrgCategory,
  itemPreview,
  publicTotalsByOrg,
  sitemapItems,
  staffAttachment,
} from './public-catalog.js';
export type { PublicLinks } from './public-catalog.js';
export { getPublicItemPage } from './public-item-page.js';
export { publishItem } from './publish-item.js';
export { releaseScheduled } from './release-scheduled.js';
export { removeAttachment } from './remove-attachment.js';
export { renameCategory } from './rename-category.js';
export { reviewItem } from './review-item.js';
export { reviewQueue, queueActions } from './review-queue.js';
export { FIGURE_EDITORS, saveAnnualFigures } from './save-annual-figures.js';
export { seedDemoCatalog } from './seed-demo-catalog.js';
export { strictSeparation } from './separation-of-duties.js';
export { setChannels } from './set-channels.js';
export { setIndexPattern } from './set-index-pattern.js';
export { setKeyAreaMapping } from './set-key-areas.js';
export type { KeyAreaInput } from './set-key-areas.js';
export { setSeparationOfDuties } from './set-separation-of-duties.js';
export { setValidity } from './set-validity.js';
export { staffItemPage } from './staff-item-page.js';
export type { ItemLinks, StaffItemPage } from './staff-item-page.js';
export { allStaffItems, itemByReference, staffItems, timelinessCandidates, uninterpretedItems } from './staff-items.js';
export { submitItem } from './submit-item.js';
export { table2CellItems } from './table2-cell-items.js';
export type { FiguresInput } from './table2.rules.js';
export { disclosureDue, DUE_SOON_WORKING_DAYS, lateBucket, timeliness, timelinessLabel } from './timeliness.rules.js';
export { updateItem } from './update-item.js';
export { withdrawItem } from './withdraw-item.js';
