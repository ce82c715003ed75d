/** A citizen's request as the tests of the request capability register it, and their clock. */
import { residentIdCheckChar } from '../../src/orgs/codes.rules.js';

const ID17 = '11010519491231002';
/** A resident ID number with a valid check character. */
export const APPLICANT_ID = ID17 + residentIdCheckChar(ID17);

/** The fields of a citizen's request for an environmental report, delivered electronically for pickup. */
export const citizenForm = {
  applicantType: 'citizen',
  name: '张三',
  idType: 'resident_id',
  idNumber: APPLICANT_ID,
  phone: '13800138000',
  address: '某市某路1号',
  infoTitle: '某项目环评报告',
  form: 'electronic',
  delivery: 'pickup',
};

/** 10:00 Beijing time on a date. */
export const at = (d: string): Date => new Date(`${d}T02:00:00Z`);
