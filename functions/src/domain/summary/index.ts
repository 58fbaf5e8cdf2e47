/** The summary's public surface: the model of the Tổng hợp tab and its draft paragraph. */
export * from './model.js';
export * from './build.js';
export * from './figures.js';
export * from './groups.js';
export * from './kpis.js';
export * from './report-state.js';
export * from './header.js';
export * from './chase.js';
export * from './paragraph.js';
