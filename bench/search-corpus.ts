/**
 * The synthetic Chinese government-style corpus of the search and portal benchmarks: deterministic
 * documents from templates (12 agencies, 20 subjects, 9 genres, 17 years, 6–17 sentences, 1 % with a
 * rare phrase), and the fixed query mix of issue 5.
 */
import type { SearchDoc, SearchFilters } from '../src/search/search.types.js';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORGS = [
  '县人民政府办公室',
  '县发展和改革局',
  '县财政局',
  '县教育局',
  '县卫生健康局',
  '县自然资源局',
  '县生态环境局',
  '县住房和城乡建设局',
  '县交通运输局',
  '县水利局',
  '县农业农村局',
  '县市场监督管理局',
];
const ORG_ABBR = [
  '县府办',
  '县发改',
  '县财',
  '县教',
  '县卫健',
  '县自然资源',
  '县环',
  '县住建',
  '县交',
  '县水',
  '县农',
  '县市监',
];
const TOPICS = [
  '综合政务',
  '财政、金融、审计',
  '国土资源、能源',
  '农业、林业、水利',
  '城乡建设、环境保护',
  '科技、教育',
  '卫生、体育',
  '市场监管、安全生产监管',
  '交通',
];
const GENRES = ['通知', '意见', '办法', '决定', '报告', '公告', '通报', '批复', '方案'];
const CATEGORIES = [
  '政策文件',
  '规划计划',
  '财政预决算',
  '重大建设项目',
  '公共服务',
  '行政执法',
  '人事信息',
  '应急管理',
];
const SUBJECTS = [
  '预算管理',
  '政府信息公开',
  '乡村振兴',
  '安全生产',
  '防汛抗旱',
  '义务教育',
  '基本医疗保险',
  '城乡居民养老保险',
  '营商环境',
  '生态环境保护',
  '农村人居环境整治',
  '耕地保护',
  '老旧小区改造',
  '道路交通安全',
  '食品安全',
  '重大项目建设',
  '招商引资',
  '就业创业',
  '社会救助',
  '疫情防控',
];
const VERBS = ['做好', '加强', '进一步规范', '开展', '推进', '印发', '深化', '落实'];
const SENTENCES = [
  '为深入贯彻落实党中央、国务院决策部署，结合本县实际，现就{s}有关事项通知如下。',
  '各乡镇人民政府、县直各单位要高度重视{s}工作，切实加强组织领导，明确责任分工。',
  '按照《中华人民共和国政府信息公开条例》的规定，应当主动公开的政府信息要及时、准确公开。',
  '{y}年，全县{s}工作取得明显成效，各项指标均完成年度目标任务。',
  '要建立健全{s}长效机制，强化监督检查，对工作不力的单位予以通报。',
  '各单位要于{y}年{m}月{d}日前将工作开展情况报县{o}。',
  '本办法自印发之日起施行，有效期五年。此前有关规定与本办法不一致的，以本办法为准。',
  '县财政局要统筹安排资金，保障{s}工作经费，加强预算绩效管理。',
  '要充分利用政府网站、政务新媒体等渠道，做好政策解读和舆论引导工作。',
  '联系人及电话：县{o}办公室，联系电话0759-{p}。',
];
const RARE = ['全面推行河长制，落实河长巡河责任。', '开展古树名木普查保护工作。', '推进智慧停车场建设试点。'];

/** A deterministic synthetic document. */
export function makeDoc(i: number, r: () => number): SearchDoc {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const o = Math.floor(r() * ORGS.length);
  const year = 2009 + Math.floor(r() * 17);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const s = pick(SUBJECTS);
  const genre = pick(GENRES);
  const fill = (t: string) =>
    t
      .replace(/\{s\}/g, s)
      .replace(/\{y\}/g, String(year))
      .replace(/\{m\}/g, String(month))
      .replace(/\{d\}/g, String(day))
      .replace(/\{o\}/g, ORGS[o].slice(1))
      .replace(/\{p\}/g, String(1000000 + i).slice(-7));
  const parts: string[] = [];
  const k = 6 + Math.floor(r() * 12);
  for (let j = 0; j < k; j++) parts.push(fill(pick(SENTENCES)));
  if (r() < 0.01) parts.splice(2, 0, pick(RARE));
  const seq = 1 + Math.floor(r() * 120);
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  return {
    docType: 'bench_item',
    docId: i,
    orgId: o + 1,
    orgName: ORGS[o],
    categoryId: 1 + Math.floor(r() * CATEGORIES.length),
    categoryName: pick(CATEGORIES),
    topic: pick(TOPICS),
    genre,
    validity: r() < 0.8 ? '有效' : '失效',
    publishedOn: `${year}-${mm}-${dd}`,
    title: `关于${pick(VERBS)}${year}年${s}工作的${genre}`,
    body: parts.join(''),
    docNo: `${ORG_ABBR[o]}〔${year}〕${seq}号`,
    indexNo: `${String(11440800 + o).padStart(9, '0')}/${year}-${String(i).padStart(5, '0')}`,
    url: `/gk/items/${i}`,
  };
}

/** One query of the mix. */
export interface Query {
  kind: string;
  q: string;
  filters?: SearchFilters;
}
export const QUERIES: Query[] = [
  { kind: '2字常见词 公开', q: '公开' },
  { kind: '2字常见词 预算', q: '预算' },
  { kind: '2字罕见词 河长', q: '河长' },
  { kind: '4字短语 乡村振兴', q: '乡村振兴' },
  { kind: '引号短语 "营商环境"', q: '"营商环境"' },
  { kind: '文号', q: '县财（2015）17号' },
  { kind: '筛选 通知+机构+年份', q: '通知', filters: { orgId: 3, year: 2020 } },
  { kind: '繁体 預算管理', q: '預算管理' },
];

/** Document `i` (1-based) of the corpus: the same for every run and every size. */
export function corpusDoc(i: number): SearchDoc {
  return makeDoc(i, rng(20261129 ^ Math.imul(i, 2654435761)));
}

/** The agencies of the corpus (ids 1…12 in documents; the loader maps them to real orgs). */
export const CORPUS_ORGS = ORGS;
export const CORPUS_CATEGORIES = CATEGORIES;
