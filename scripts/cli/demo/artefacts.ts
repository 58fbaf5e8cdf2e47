/**
 * What the demo leaves for people to open: the workbook, the report draft, the dashboard, and PNGs of the whole
 * Tổng hợp tab and of the dashboard's "Đánh giá đơn vị" tab.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reportFiles } from '../reports/report-files.js';
import { SUMMARY_SHEET_ID } from '@theodoi/functions/sheets/layout/new-spreadsheet';
import { EVALUATION_SHEET_ID } from '@theodoi/functions/sheets/layout/evaluation-layout';
import { buildDashboard, type BuildDashboardDeps } from '@theodoi/functions/usecases/build-dashboard';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { findChromium, screenshot } from '@theodoi/sheets-emulator/ui/screenshot';

/** What was written, and where a person looks. */
export interface DemoArtefacts {
  files: string[];
  dashboardUrl: string;
  dashboardViewUrl: string;
  dashboardSpreadsheetId: string;
  /** The PNG of the whole Tổng hợp tab; undefined when no Chromium is installed. */
  screenshot?: string;
  /** The PNG of the dashboard's whole "Đánh giá đơn vị" tab; undefined when no Chromium is installed. */
  evaluationScreenshot?: string;
}

/** The width of the screenshots in CSS pixels; their height is the tab's own. */
const SCREENSHOT_WIDTH = 1400;

/** The emulator's HTML view of a spreadsheet, optionally of one tab. */
export function viewUrl(sheets: EmulatorServer, spreadsheetId: string, sheetId?: number): string {
  const base = `${sheets.url}/__emulator/spreadsheets/${spreadsheetId}/view`;
  return sheetId === undefined ? base : `${base}?tab=${sheetId}`;
}

/** Builds the dashboard and the report files of `directiveId`'s period and writes everything into `outDir`. */
export async function writeArtefacts(
  deps: BuildDashboardDeps,
  sheets: EmulatorServer,
  request: { organisationId: string; directiveId: string; spreadsheetId: string; periodKey: string },
  outDir: string,
): Promise<DemoArtefacts> {
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  const save = async (name: string, data: Buffer | Uint8Array) => {
    const file = join(outDir, name);
    await writeFile(file, data);
    files.push(file);
  };
  const dashboard = await buildDashboard(deps, { organisationId: request.organisationId });
  const report = await reportFiles(deps, { directiveId: request.directiveId, periodKey: request.periodKey });
  await save(report.docx.name, report.docx.data);
  await save(report.xlsx.name, report.xlsx.data);
  // The directive's whole workbook as leadership would download it, and the dashboard's.
  const workbook = await sheets.xlsx(request.spreadsheetId);
  if (workbook) await save('bang-tinh-cong-van.xlsx', workbook);
  const dashboardBook = await sheets.xlsx(dashboard.spreadsheetId);
  if (dashboardBook) await save('bang-theo-doi-van-ban.xlsx', dashboardBook);
  const chromium = findChromium();
  const shoot = async (name: string, url: string) => {
    if (!chromium) return undefined;
    const png = join(outDir, name);
    await screenshot(chromium, url, png, { width: SCREENSHOT_WIDTH });
    files.push(png);
    return png;
  };
  const png = await shoot('tong-hop.png', viewUrl(sheets, request.spreadsheetId, SUMMARY_SHEET_ID));
  const evaluationPng = await shoot(
    'danh-gia-don-vi.png',
    viewUrl(sheets, dashboard.spreadsheetId, EVALUATION_SHEET_ID),
  );
  return {
    files,
    dashboardUrl: dashboard.spreadsheetUrl,
    dashboardSpreadsheetId: dashboard.spreadsheetId,
    dashboardViewUrl: viewUrl(sheets, dashboard.spreadsheetId),
    ...(png ? { screenshot: png } : {}),
    ...(evaluationPng ? { evaluationScreenshot: evaluationPng } : {}),
  };
}
