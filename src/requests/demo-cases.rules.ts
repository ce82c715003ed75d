/**
 * The demo county's applications: who applies for what, and what happens to each case (pure, from a
 * seeded generator). The seeder plays each plan through the use-cases on its days.
 */
import type { SeededRandom } from '../platform/seeded-random.js';
import { residentIdCheckChar, usccCheckChar } from '../orgs/index.js';
import type { ApplicationInput } from './applicant.rules.js';
import { OUTCOMES } from './outcomes.rules.js';

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙'];
const COMPANIES: Array<[string, string]> = [
  ['示例建设工程有限公司', 'business'],
  ['示例农业科技研究所', 'research'],
  ['示例县环保志愿者协会', 'public_interest'],
  ['示例律师事务所', 'legal_service'],
  ['示例村股份经济合作社', 'other'],
];
const SUBJECTS = [
  '{y}年老旧小区改造项目清单及资金安排',
  '某路段拓宽工程的征收补偿方案',
  '{y}年城乡低保资金发放名册（本人部分）',
  '某小区规划许可证及附图',
  '本村{y}年集体土地征收批复文件',
  '某学校新建工程的环境影响评价文件',
  '{y}年义务教育学区划分依据',
  '某企业行政处罚决定书',
  '县城供水价格调整的成本监审报告',
  '{y}年政府采购项目合同',
  '某养殖场的排污许可信息',
  '本人社保缴费记录的核定依据',
  '{y}年教师招聘考试成绩及录用名单',
  '某农贸市场改造工程预算',
];

/** What happens to a case besides its answer. */
export interface CasePlan {
  applicant: ApplicationInput;
  channel: 'online' | 'in_person' | 'post_signed' | 'email' | 'fax';
  /** Extra steps (each at most once, in this order). */
  correction: 'none' | 'received' | 'lapsed';
  consultation: 'none' | 'consent' | 'objection' | 'no_reply';
  fee: 'none' | 'paid' | 'waived' | 'unpaid';
  extension: boolean;
  forward: boolean;
  withdraw: boolean;
  /** Answered after the due date. */
  late: boolean;
  /** Left unanswered (overdue when old enough). */
  stalled: boolean;
  appeal: 'none' | 'reconsideration' | 'litigation' | 'both';
  toProactive: boolean;
}

/** The outcomes an answer may choose (6.1 and 6.2 close by the clock). */
export const ANSWER_OUTCOMES: readonly string[] = OUTCOMES.map((o) => o.code).filter((c) => c !== '6.1' && c !== '6.2');

/** An outcome drawn with the usual weights: mostly 予以公开, then 不掌握, 部分公开 … */
export function drawOutcome(r: SeededRandom): string {
  const x = r.next();
  if (x < 0.42) return '1';
  if (x < 0.55) return '2';
  if (x < 0.72) return r.pick(['4.1', '4.1', '4.2', '4.3']);
  if (x < 0.84) return r.pick(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8']);
  if (x < 0.97) return r.pick(['5.1', '5.2', '5.3', '5.4', '5.5']);
  return '6.3';
}

/** The applicant of the n-th demo application (citizens mostly, some 法人或者其他组织). */
export function demoApplicant(r: SeededRandom, n: number, year: number): ApplicationInput {
  const subject = r.pick(SUBJECTS).replace('{y}', String(year));
  const common = {
    phone: `138${String(10000000 + n * 7919).slice(-8)}`,
    address: `示例县示例路${n + 1}号`,
    infoTitle: `${subject}（示例）`,
    infoDescription: '示例数据：申请获取上述政府信息，用于了解相关情况。',
    form: r.chance(0.7) ? 'electronic' : 'paper',
    // No e-mail addresses: the demo must not queue mail to anyone.
    delivery: r.pick(['pickup', 'post', 'on_site']),
  };
  if (r.chance(0.2)) {
    const [name, orgKind] = r.pick(COMPANIES);
    const first17 = `91419999MA${String(n).padStart(7, '0')}`;
    return {
      ...common,
      applicantType: 'organization',
      orgKind,
      name: `${name}（示例）`,
      idType: 'uscc',
      idNumber: first17 + usccCheckChar(first17),
      legalRep: `${r.pick(SURNAMES)}示例`,
    };
  }
  const id17 = `419999${1950 + r.int(0, 50)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return {
    ...common,
    applicantType: 'citizen',
    name: `${r.pick(SURNAMES)}示例`,
    idType: 'resident_id',
    idNumber: id17 + residentIdCheckChar(id17),
  };
}

/** Draws what happens to one case. */
export function planCase(r: SeededRandom, n: number, year: number): CasePlan {
  const channel = r.pick(['online', 'online', 'online', 'in_person', 'post_signed', 'email', 'fax'] as const);
  return {
    applicant: demoApplicant(r, n, year),
    channel,
    correction: r.chance(0.1) ? (r.chance(0.7) ? 'received' : 'lapsed') : 'none',
    consultation: r.chance(0.1) ? r.pick(['consent', 'objection', 'no_reply'] as const) : 'none',
    fee: r.chance(0.07) ? r.pick(['paid', 'paid', 'waived', 'unpaid'] as const) : 'none',
    extension: r.chance(0.08),
    forward: r.chance(0.04),
    withdraw: channel === 'online' && r.chance(0.04),
    late: r.chance(0.05),
    stalled: false,
    appeal: r.chance(0.07) ? r.pick(['reconsideration', 'reconsideration', 'litigation', 'both'] as const) : 'none',
    toProactive: r.chance(0.03),
  };
}
