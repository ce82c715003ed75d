import type { FieldError } from '../platform/errors.js';

/** The editable sections of a 政府信息公开指南 (条例第十二条) besides the office's contact details. */
export const GUIDE_SECTIONS = {
  classification: '一、政府信息的分类',
  arrangement: '二、编排体系',
  howToObtain: '三、获取方式',
  requestProcedure: '四、依申请公开的办理',
  supervision: '五、监督和救济',
} as const;
export type GuideSection = keyof typeof GUIDE_SECTIONS;
export type GuideText = Record<GuideSection, string>;

/** The office contact fields 第十二条 requires, with their labels. */
export const GUIDE_CONTACT_FIELDS = {
  office_name: '工作机构名称',
  address: '办公地址',
  office_hours: '办公时间',
  phone: '联系电话',
  fax: '传真号码',
  email: '电子邮箱',
  website: '互联网联系方式',
} as const;

/** A starting text for an agency's guide, to be adapted by its administrator. */
export function defaultGuide(orgName: string): GuideText {
  return {
    classification: `${orgName}主动公开的政府信息按组配分类编排，包括机构职能、政策文件、规划计划、财政资金、人事信息、行政执法、重点领域、政策解读、回应关切、公告公示、工作动态、统计信息、建议提案办理等类别；依申请公开的政府信息由申请人依法申请获取。`,
    arrangement:
      '主动公开的政府信息按“政府信息公开目录”编排，每条信息标注索引号、名称、内容概述、生成日期、发布机构、文号等内容，可按类别、主题和时间浏览，也可全文检索。',
    howToObtain:
      '主动公开的政府信息通过本平台、政府公报、新闻发布会及报刊、广播、电视等方式公开，公众可在线查阅、下载，或到政府信息公开查阅场所查阅。',
    requestProcedure:
      '公民、法人或者其他组织可通过本平台在线提交、当面提交、邮寄或传真等方式提出政府信息公开申请。能够当场答复的当场答复；不能当场答复的，自收到申请之日起 20 个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过 20 个工作日。申请一般不收取费用；申请数量、频次明显超过合理范围的，可依法收取信息处理费。',
    supervision:
      '公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。',
  };
}

/** Validates the guide sections: each required, at most 5,000 characters. */
export function validateGuide(g: Partial<GuideText>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [k, label] of Object.entries(GUIDE_SECTIONS) as Array<[GuideSection, string]>) {
    const v = (g[k] ?? '').trim();
    if (!v)
      errors.push({ code: 'guide_section_required', message: `请填写“${label.replace(/^.、/, '')}”。`, field: k });
    else if (v.length > 5000)
      errors.push({
        code: 'guide_section_too_long',
        message: `“${label.replace(/^.、/, '')}”不能超过 5000 字。`,
        field: k,
      });
  }
  return errors;
}

/** Contact elements required by 第十二条 that the agency has not filled in yet. */
export function missingContacts(org: Partial<Record<keyof typeof GUIDE_CONTACT_FIELDS, string | null>>): string[] {
  return (Object.entries(GUIDE_CONTACT_FIELDS) as Array<[keyof typeof GUIDE_CONTACT_FIELDS, string]>)
    .filter(([k]) => !org[k])
    .map(([, l]) => l);
}
