import type { FigureSource } from '../figure-source.js';
import { requestsSource } from './requests-source.js';
import { catalogSource } from './catalog-source.js';
import { interactionSource } from './interaction-source.js';
import { reportsSource } from './reports-source.js';
import { tasksSource } from './tasks-source.js';
import { siteCheckSource } from './site-check-source.js';

/** Every figure source, in column order. */
export const FIGURE_SOURCES: readonly FigureSource[] = [
  requestsSource,
  catalogSource,
  interactionSource,
  tasksSource,
  reportsSource,
  siteCheckSource,
];
