/**
 * What the demo catalogue publishes: per standard category, titles an agency of 示例县 would publish,
 * drawn from a seeded generator. Pure: the seeder turns each into a draft and takes it through review.
 */
import type { SeededRandom } from '../platform/seeded-random.js';

/** One demo item before it is written. */
export interface DemoItemPlan {
  category: string;
  title: string;
  genre: string;
  topic: string;
  docNo: string;
  normative: boolean;
  /** The 政策文件 a 政策解读 explains (index in the plan list), set by the seeder. */
  explains?: number;
  /** Attach a DOCX with the body's text. */
  attachment: boolean;
}

type Maker = (o: { short: string; y: number; n: number; r: SeededRandom; abbr: string }) => {
  title: string;
  genre: string;
  topic: string;
  docNo?: string;
  normative?: boolean;
};

/** Subjects of policy documents, followed by 管理办法 or 工作方案. */
const POLICY_SUBJECTS = [
  '城乡居民最低生活保障',
  '农村危房改造补助',
  '高校毕业生就业创业扶持',
  '中小学校外培训机构',
  '城区公共停车场',
  '政府投资项目',
  '行政规范性文件',
  '临时救助',
  '老旧小区改造',
  '城乡医疗救助',
  '食品小作坊登记',
  '农村集体土地征收补偿',
];
/** 重点领域 items: title, 主题分类, and the agency (short-name fragment) that publishes them. */
const KEY_AREAS: Array<[string, string, string]> = [
  ['重大建设项目批准和实施信息', '国民经济管理、国有资产监管\\重大建设项目', '发改'],
  ['社会救助资金发放情况', '民政、扶贫、救灾\\社会福利', '城关镇'],
  ['义务教育招生入学工作方案', '科技、教育\\教育', '教育'],
  ['医疗卫生机构监督检查结果', '卫生、体育\\卫生', '卫健'],
  ['食品安全监督抽检信息', '市场监管、安全生产监管\\食品药品监管', '市场监管'],
  ['生态环境保护督察整改情况', '城乡建设、环境保护\\环境监测、保护与治理', '政府办'],
  ['保障性住房分配结果', '城乡建设、环境保护\\城乡建设（含住房）', '住建'],
  ['征地补偿安置方案', '国土资源、能源\\土地', '自然资源'],
  ['公共资源交易结果', '财政、金融、审计\\财政', '财政'],
  ['就业创业补贴发放情况', '劳动、人事、监察\\劳动就业', '人社'],
];
const MEETINGS = [
  '党组理论学习中心组学习',
  '安全生产工作',
  '年度工作推进',
  '政务公开工作培训',
  '作风建设',
  '防汛准备工作',
];
const CONCERNS = ['城区供暖时间', '学区划分', '农贸市场改造', '老旧小区加装电梯', '公交线路调整', '居民医保缴费'];

const MAKERS: Record<string, Maker> = {
  机构职能: ({ short }) => ({ title: `${short}主要职责和内设机构`, genre: '其他', topic: '综合政务\\其他' }),
  政策文件: ({ short, y, n, r, abbr }) => {
    const normative = r.chance(0.5);
    return {
      title: `${short}关于印发《示例县${r.pick(POLICY_SUBJECTS)}${normative ? '管理办法' : '工作方案'}》的通知`,
      genre: '通知',
      topic: '综合政务\\其他',
      docNo: `示${abbr}${normative ? '规' : '发'}〔${y}〕${n}号`,
      normative,
    };
  },
  规划计划: ({ short, y, r }) => ({
    title: `${short}${y}年${r.pick(['工作要点', '政务公开工作要点', '重点工作计划'])}`,
    genre: '其他',
    topic: '综合政务\\其他',
  }),
  财政资金: ({ short, y, r }) => ({
    title: `${short}${r.pick([`${y}年部门预算`, `${y - 1}年部门决算`, `${y}年“三公”经费预算`, `${y}年政府采购意向`])}公开`,
    genre: '其他',
    topic: '财政、金融、审计\\财政',
  }),
  人事信息: ({ short, y, r }) => ({
    title: `${short}${r.pick([`${y}年公开招聘工作人员公告`, '干部任前公示', `${y}年公开遴选拟录用人员名单`])}`,
    genre: '公告',
    topic: '劳动、人事、监察\\人事工作',
  }),
  行政执法: ({ short, y, n, r, abbr }) => ({
    title: r.chance(0.5) ? `${short}行政处罚决定书（示${abbr}罚〔${y}〕${n}号）` : `${short}${y}年行政许可办理结果`,
    genre: '决定',
    topic: '公安、安全、司法\\司法',
  }),
  重点领域: ({ short, y, r }) => {
    const own = KEY_AREAS.filter(([, , by]) => short.includes(by));
    const [t, topic] = r.pick(own.length ? own : KEY_AREAS);
    return { title: `示例县${y}年${t}`, genre: '其他', topic };
  },
  回应关切: ({ r }) => ({ title: `关于${r.pick(CONCERNS)}有关问题的回应`, genre: '其他', topic: '综合政务\\政务公开' }),
  公告公示: ({ short, y, r }) => ({
    title: `${short}${r.pick([`${y}年“双随机、一公开”抽查结果公示`, '权责清单调整公示', '拟表彰对象公示'])}`,
    genre: '公告',
    topic: '综合政务\\其他',
  }),
  工作动态: ({ short, r }) => ({
    title: `${short}召开${r.pick(MEETINGS)}会议`,
    genre: '其他',
    topic: '综合政务\\其他',
  }),
  统计信息: ({ short, y, r }) => ({
    title: `${short}${y}年${r.int(1, 12)}月主要业务统计数据`,
    genre: '其他',
    topic: '国民经济管理、国有资产监管\\统计',
  }),
  建议提案办理: ({ short, y, r }) => ({
    title: `${short}对县人大十八届${r.int(1, 5)}次会议第${r.int(1, 120)}号建议的答复（${y}年）`,
    genre: '函',
    topic: '综合政务\\其他',
  }),
  其他: ({ short, y }) => ({ title: `${short}${y}年政府信息公开指南`, genre: '其他', topic: '综合政务\\政务公开' }),
};

/** The categories the demo fills, in the standard list's order (政策解读 follows its document). */
export const DEMO_CATEGORIES = Object.keys(MAKERS);

/** A plan for one item in `category`; `n` numbers the agency's documents of the year. */
export function planItem(
  r: SeededRandom,
  o: { category: string; short: string; abbr: string; y: number; n: number },
): DemoItemPlan {
  const made = MAKERS[o.category]({ ...o, r });
  return {
    category: o.category,
    title: `${made.title}（示例）`,
    genre: made.genre,
    topic: made.topic,
    docNo: made.docNo ?? '',
    normative: made.normative ?? false,
    attachment: r.chance(0.15),
  };
}

/** The 政策解读 of a 政策文件 (its title without the 印发 wrapper). */
export function interpretationOf(doc: DemoItemPlan): DemoItemPlan {
  const inner = /《(.+)》/.exec(doc.title)?.[1] ?? doc.title.replace('（示例）', '');
  return {
    category: '政策解读',
    title: `《${inner}》政策解读（示例）`,
    genre: '其他',
    topic: doc.topic,
    docNo: '',
    normative: false,
    attachment: false,
  };
}

/** The item's body: a few paragraphs that say what it is (and that it is a demo). */
export function demoBody(p: DemoItemPlan, orgName: string): string[] {
  const t = p.title.replace('（示例）', '');
  return [
    `${t}。`,
    `本信息由${orgName}依照《中华人民共和国政府信息公开条例》主动公开，所列内容均为演示用示例数据，不代表任何真实机关的决定。`,
    p.category === '政策解读'
      ? '一、制定背景。二、主要内容。三、适用范围。四、施行时间。具体以文件正文为准。'
      : '如对本信息有疑问，可通过本机关政府信息公开工作机构咨询。',
  ];
}
