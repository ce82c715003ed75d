/**
 * 重点领域信息公开 (条例第二十条第七、十、十一、十三项 and the yearly 政务公开工作要点 of the State Council
 * General Office): twelve curated pages, each listing the items filed under the 公开目录 categories mapped
 * to it. Categories belong to each agency, so a mapping is a list of words: a category whose name contains
 * one of them belongs to the area, with all its sub-categories. Pure.
 */
import type { CategoryInput } from './category-tree.rules.js';

/** One 重点领域: its address (`/zdly/:slug`), its name and the default words of its categories. */
export interface KeyArea {
  slug: string;
  name: string;
  defaults: readonly string[];
}

/**
 * The twelve 重点领域 of the portal, and the default mapping by category name: the standard 组配分类
 * `财政资金` (DEFAULT_CATEGORIES) falls under 财政预决算, the sub-categories agencies add under `重点领域`
 * (教育, 社会救助, …) under the area of their name. An administrator edits the words in the console.
 */
export const KEY_AREAS: readonly KeyArea[] = [
  { slug: 'czyjs', name: '财政预决算', defaults: ['财政', '预算', '决算'] },
  { slug: 'zdjsxm', name: '重大建设项目', defaults: ['重大建设', '建设项目'] },
  { slug: 'ggzypz', name: '公共资源配置', defaults: ['公共资源', '政府采购', '招标投标', '招投标'] },
  { slug: 'shjz', name: '社会救助', defaults: ['社会救助', '救助', '低保', '特困'] },
  { slug: 'jy', name: '教育', defaults: ['教育', '招生'] },
  { slug: 'ylws', name: '医疗卫生', defaults: ['医疗', '卫生', '卫健', '医保'] },
  { slug: 'sthj', name: '生态环境', defaults: ['生态', '环境保护', '环保', '污染'] },
  { slug: 'aqsc', name: '安全生产', defaults: ['安全生产', '应急管理'] },
  { slug: 'spyp', name: '食品药品', defaults: ['食品', '药品'] },
  { slug: 'zdcq', name: '征地拆迁', defaults: ['征地', '拆迁', '征收'] },
  { slug: 'jycy', name: '就业创业', defaults: ['就业', '创业'] },
  { slug: 'xczx', name: '乡村振兴', defaults: ['乡村振兴', '扶贫', '农村'] },
];

/** The area of a slug, or undefined. */
export const keyArea = (slug: string): KeyArea | undefined => KEY_AREAS.find((a) => a.slug === slug);

/** Area slug → the words its categories' names contain. */
export type KeyAreaMapping = Readonly<Record<string, readonly string[]>>;

/** The default mapping. */
export const DEFAULT_KEY_AREA_MAPPING: KeyAreaMapping = Object.fromEntries(KEY_AREAS.map((a) => [a.slug, a.defaults]));

/** Most words an area may have, and their longest length. */
export const MAX_AREA_WORDS = 30;
export const MAX_AREA_WORD_LENGTH = 20;

/** Words as typed: one a line, or separated by 、，, ; and spaces; trimmed, unique, in order. */
export function parseAreaWords(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n\r、，,；;\s]+/)
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  ];
}

/** What is wrong with an area's words (a Chinese message), or null. */
export function areaWordsProblem(area: KeyArea, words: readonly string[]): string | null {
  if (!words.length) return `“${area.name}”至少需要一个分类名称关键词。`;
  if (words.length > MAX_AREA_WORDS) return `“${area.name}”的关键词不能超过 ${MAX_AREA_WORDS} 个。`;
  const long = words.find((w) => [...w].length > MAX_AREA_WORD_LENGTH);
  return long ? `关键词“${long}”过长（不超过 ${MAX_AREA_WORD_LENGTH} 个字）。` : null;
}

/**
 * The stored mapping (JSON) completed with the defaults: an area missing or malformed in storage keeps
 * its default words, so a new area or a damaged value never empties a page.
 */
export function readMapping(stored: string | undefined): KeyAreaMapping {
  let parsed: unknown = undefined;
  try {
    parsed = stored ? JSON.parse(stored) : undefined;
  } catch {
    parsed = undefined;
  }
  const obj = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  return Object.fromEntries(
    KEY_AREAS.map((a) => {
      const v = obj[a.slug];
      const words = Array.isArray(v) ? v.filter((w): w is string => typeof w === 'string' && w !== '') : [];
      return [a.slug, words.length ? words : a.defaults];
    }),
  );
}

/** A category with its agency (categories are per agency). */
export interface AgencyCategory extends CategoryInput {
  org_id: number;
}

/**
 * The ids of the categories of an area: those whose name contains one of the words, and every category
 * below them in the same agency's tree (a parent lists its sub-categories, as on `/gk/:id`).
 */
export function areaCategoryIds(categories: readonly AgencyCategory[], words: readonly string[]): number[] {
  const byParent = new Map<number, number[]>();
  for (const c of categories)
    if (c.parent_id !== null && c.parent_id !== c.id)
      byParent.set(c.parent_id, [...(byParent.get(c.parent_id) ?? []), c.id]);
  const out = new Set<number>();
  const add = (id: number) => {
    if (out.has(id)) return;
    out.add(id);
    for (const child of byParent.get(id) ?? []) add(child);
  };
  for (const c of categories) if (words.some((w) => c.name.includes(w))) add(c.id);
  return [...out].sort((a, b) => a - b);
}
