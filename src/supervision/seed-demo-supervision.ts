import type { Ctx } from '../platform/context.js';
import { addDays, compare, todayInShanghai } from '../platform/dates.js';
import { seededRandom, seedOf } from '../platform/seeded-random.js';
import { demoStaff, demoAgencies } from '../orgs/index.js';
import { createTask } from './create-task.js';
import { reportTask } from './report-task.js';
import { reviewTask } from './review-task.js';
import { runAllSiteChecks } from './run-all-site-checks.js';
import { TASK_STATES, type TaskState } from './tasks.rules.js';

const TASKS: Array<[string, string]> = [
  ['政策解读', '重要政策文件与解读材料同步起草、同步审签、同步发布'],
  ['重点领域信息公开', '按季度更新预决算、重大建设项目和社会救助领域信息'],
  ['政务公开专区', '完善政府信息公开专栏，统一公开目录分类'],
  ['依申请公开', '规范依申请公开答复文书，答复期限内办结率达到100%'],
  ['互动回应', '网站留言5个工作日内答复，公开典型问答'],
  ['规范性文件', '开展规范性文件清理，及时标注失效和废止文件'],
  ['公众参与', '重大行政决策草案公开征求意见，公布采纳情况'],
  ['年度报告', '按时编制并公开政府信息公开工作年度报告'],
];

/**
 * Demo supervision: last year's and this year's 年度任务分解表 for the demo agencies (accepted, awaiting review, returned,
 * not yet reported, some overdue), worked by the agencies' editors and the county supervisor on their
 * days, and today's website check of every agency. All marked 示例.
 */
export async function seedDemoSupervision(ctx: Ctx, demo: { countyId: number; seed: number }): Promise<string> {
  const r = seededRandom(seedOf(demo.seed, 'supervision'));
  const staff = await demoStaff(ctx);
  const today = todayInShanghai(ctx.now());
  const year = Number(today.slice(0, 4));
  const agencies = (await demoAgencies(ctx.db)).map((o) => o.id);
  const supervisor = await staff.actor(demo.countyId, 'supervisor');
  let n = 0;
  const states = new Map<TaskState, number>();
  // Last year's table (mostly accepted, a few left behind) and this year's, under way.
  for (const [y, [k, [category, content]]] of [year - 1, year].flatMap((y) =>
    [...TASKS.entries()].map((t) => [y, t] as const),
  )) {
    const created = `${y}-01-02`;
    for (const orgId of [agencies[k % agencies.length], agencies[(k + 3) % agencies.length]]) {
      // Deadlines spread over the year; half of them already passed.
      const deadline = addDays(created, 30 + ((k * 41 + n * 17) % 330));
      const task = await createTask(staff.at(supervisor, created, n), {
        jurisdictionOrgId: demo.countyId,
        year: y,
        category: `${category}（示例）`,
        content: `${content}（示例）`,
        responsibleOrgId: orgId,
        deadline,
        evidenceRequired: '工作方案、网站栏目链接（示例）',
      });
      n++;
      const editor = await staff.actor(orgId, 'editor');
      const reportOn = addDays(deadline, -r.int(3, 20));
      const plan = r.pick(['accept', 'accept', 'review', 'return', 'none'] as const);
      let state: TaskState = 'open';
      if (plan !== 'none' && compare(reportOn, today) <= 0) {
        await reportTask(staff.at(editor, reportOn, n), task.id, {
          progress: `已按要求完成：${content}。（示例）`,
          links: '/gk',
        });
        state = 'reported';
        const reviewOn = addDays(reportOn, r.int(1, 5));
        if (plan !== 'review' && compare(reviewOn, today) <= 0) {
          await reviewTask(staff.at(supervisor, reviewOn, n), task.id, {
            decision: plan === 'accept' ? 'accept' : 'return',
            comment: plan === 'accept' ? '' : '佐证材料不全，请补充栏目链接。（示例）',
          });
          state = plan === 'accept' ? 'accepted' : 'returned';
        }
      }
      states.set(state, (states.get(state) ?? 0) + 1);
    }
  }
  const check = await runAllSiteChecks(staff.at(supervisor, today));
  const summary = [...states].map(([s, c]) => `${TASK_STATES[s]} ${c} 项`).join('，');
  return `监督检查：${n} 项示例年度任务（${summary}）；${check}。`;
}
