import type { TargetRule } from '../platform/http/target-guard.js';
import { notFound } from '../platform/errors.js';
import { userDetail, viewableOrg } from '../orgs/index.js';
import { categoryOrg, itemWithReviews } from '../catalog/index.js';
import { loadCase } from '../requests/index.js';
import { periodDetail, staffMessage } from '../interaction/index.js';
import { reportForStaff } from '../reports/index.js';
import { viewTask } from '../supervision/index.js';

/** Console and API route patterns under `prefix` (both doors), followed by the end or a further segment. */
const doors = (path: string, param = 'id'): RegExp =>
  new RegExp(`^/(?:console|api/v1)${path.replace(/\//g, '\\/')}/:${param}(?:/|$)`);

/**
 * The targets of the state-changing routes (issue 16, authorize before validating): each rule names the
 * routes about one record of an agency and the check that the actor may see that record. The access matrix
 * (`platform/http/access-matrix.http.test.ts`) fails when a console or API route with a path parameter is
 * neither covered here nor listed there as acting on the user's own records.
 */
export const TARGET_RULES: readonly TargetRule[] = [
  { name: '公开目录信息', route: doors('/items'), param: 'id', authorize: itemWithReviews },
  // Letter templates of an agency (API) name the organisation first; the console's act on the user's agency.
  { name: '机构', route: doors('/requests/letter-templates', 'orgId'), param: 'orgId', authorize: viewableOrg },
  {
    name: '依申请公开申请',
    route: doors('/requests'),
    param: 'id',
    authorize: (ctx, id) => loadCase(ctx.db, ctx, id, 'view'),
  },
  { name: '机构', route: doors('/orgs'), param: 'id', authorize: viewableOrg },
  { name: '用户', route: doors('/users'), param: 'id', authorize: userDetail },
  { name: '机构', route: doors('/guide', 'orgId'), param: 'orgId', authorize: viewableOrg },
  {
    name: '公开目录分类',
    route: doors('/catalog/categories'),
    param: 'id',
    authorize: async (ctx, id) => {
      const orgId = await categoryOrg(ctx, id);
      if (orgId === undefined) throw notFound('category_not_found', '分类不存在。');
      return viewableOrg(ctx, orgId);
    },
  },
  { name: '咨询投诉建议', route: doors('/messages'), param: 'id', authorize: staffMessage },
  {
    name: '意见征集',
    route: doors('/consultations'),
    param: 'id',
    authorize: (ctx, id) => periodDetail(ctx, id, 'staff'),
  },
  { name: '年度报告', route: doors('/reports'), param: 'id', authorize: reportForStaff },
  { name: '年度工作任务', route: doors('/supervision/tasks'), param: 'id', authorize: viewTask },
  { name: '机构', route: doors('/supervision/checks', 'orgId'), param: 'orgId', authorize: viewableOrg },
];
