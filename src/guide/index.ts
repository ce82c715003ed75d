/**
 * Entry module of 公开指南 (guide): each agency's disclosure guide.
 *
 * The only door into this capability from outside it (console, portal, api, cli, app and the other
 * capabilities): its use-cases, named read queries, rules and input schemas. Everything else in this
 * folder is internal; `npm run lint` enforces it (no-restricted-imports in eslint.config.js).
 */
export { GUIDE_EDITORS, guideAgencies, guideOrg, guideText } from './guide-page.js';
export type { OrgRow } from './guide-page.js';
export { defaultGuide, GUIDE_CONTACT_FIELDS, GUIDE_SECTIONS, missingContacts } from './guide.rules.js';
export type { GuideSection, GuideText } from './guide.rules.js';
export { agencyGuide } from './public-guide.js';
export { updateGuide } from './update-guide.js';
