/**
 * What the demo leaves for people to open: for each directive played, its workbook, its report draft and a PNG of
 * its whole Tổng hợp tab; the dashboard and a PNG of its "Đánh giá đơn vị" tab.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reportFiles } from '../reports/report-files.js';
import { SUMMARY_SHEET_ID } from '@theodoi/functions/sheets/layout/new-spreadsheet';
import { EVALUATION_SHEET_ID } from '@theodoi/functions/sheets/layout/evaluation-layout';
import { buildDashboard, type BuildDashboardDeps } from '@theodoi/functions/usecases/build-dashboard';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { findChromium, screenshot } from '@theodoi/sheets-emulator/ui/screenshot';

/** One directive whose files the demo writes, and the names of its workbook and its Tổng hợp PNG. */
export interface DirectiveFiles {
  directiveId: string;
  spreadsheetId: string;
  periodKey: string;
  workbookName: string;
  screenshotName: string;
}

/** What was written, and where a person looks. */
export interface DemoArtefacts {
  files: string[];
  dashboardUrl: string;
  dashboardViewUrl: string;
  dashboardSpreadsheetId: string;
  /** The PNG of each directive's whole Tổng hợp tab, in the order asked; empty when no Chromium is installed. */
  screenshots: string[];
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

/** Builds the dashboard and each directive's report files of its period, and writes everything into `outDir`. */
export async function writeArtefacts(
  deps: BuildDashboardDeps,
  sheets: EmulatorServer,
  request: { organisationId: string; directives: readonly DirectiveFiles[] },
  outDir: string,
): Promise<DemoArtefacts> {
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  const save = async (name: string, data: Buffer | Uint8Array) => {
    const file = join(outDir, name);
    await writeFile(file, data);
    files.push(file);
  };
  const chromium = findChromium();
  const shoot = async (name: string, url: string) => {
    if (!chromium) return undefined;
    const png = join(outDir, name);
    await screenshot(chromium, url, png, { width: SCREENSHOT_WIDTH });
    files.push(png);
    return png;
  };
  const dashboard = await buildDashboard(deps, { organisationId: request.organisationId });
  const screenshots: string[] = [];
  for (const directive of request.directives) {
    const report = await reportFiles(deps, {
      directiveId: directive.directiveId,
      periodKey: directive.periodKey,
    });
    await save(report.docx.name, report.docx.data);
    await save(report.xlsx.name, report.xlsx.data);
    // The directive's whole workbook as leadership would download it.
    const workbook = await sheets.xlsx(directive.spreadsheetId);
    if (workbook) await save(directive.workbookName, workbook);
    const png = await shoot(
      directive.screenshotName,
      viewUrl(sheets, directive.spreadsheetId, SUMMARY_SHEET_ID),
    );
    if (png) screenshots.push(png);
  }
  const dashboardBook = await sheets.xlsx(dashboard.spreadsheetId);
  if (dashboardBook) await save('bang-theo-doi-van-ban.xlsx', dashboardBook);
  const evaluationPng = await shoot(
    'danh-gia-don-vi.png',
    viewUrl(sheets, dashboard.spreadsheetId, EVALUATION_SHEET_ID),
  );
  return {
    files,
    dashboardUrl: dashboard.spreadsheetUrl,
    dashboardSpreadsheetId: dashboard.spreadsheetId,
    dashboardViewUrl: viewUrl(sheets, dashboard.spreadsheetId),
    screenshots,
    ...(evaluationPng ? { evaluationScreenshot: evaluationPng } : {}),
  };
}
