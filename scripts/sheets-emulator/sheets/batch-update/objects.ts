/** batchUpdate requests on stored sheet objects: conditional formats, named ranges, charts and protected ranges (stored, not enforced here). */
import type { sheets_v4 } from '@googleapis/sheets';
import { parseBounds } from '../a1.js';
import { badRequest, unimplemented } from '../errors.js';
import { randomId } from '../model.js';
import type { Book } from '../model.js';
import { randomName } from '../spreadsheet.js';
import { requireGrid } from './cells.js';
import { applyMask } from './mask.js';
import { requireSheet } from './sheets.js';

/** addConditionalFormatRule */
export function addConditionalFormatRule(
  book: Book,
  req: sheets_v4.Schema$AddConditionalFormatRuleRequest,
): undefined {
  const rule = req.rule;
  if (!rule?.ranges?.length) throw badRequest('A conditional format rule must have at least one range.');
  if (!rule.booleanRule && !rule.gradientRule)
    throw badRequest('A conditional format rule must have a booleanRule or a gradientRule.');
  const sheet = requireSheet(book, rule.ranges[0]!.sheetId);
  for (const g of rule.ranges) {
    if ((g.sheetId ?? 0) !== sheet.properties.sheetId)
      throw badRequest('All ranges of a conditional format rule must be on the same sheet.');
    requireGrid(book, g);
  }
  const index = req.index ?? 0;
  if (index < 0 || index > sheet.conditionalFormats.length)
    throw badRequest(`Invalid index ${index} for the conditional format rule.`);
  sheet.conditionalFormats.splice(index, 0, structuredClone(rule));
  return undefined;
}

/** deleteConditionalFormatRule */
export function deleteConditionalFormatRule(
  book: Book,
  req: sheets_v4.Schema$DeleteConditionalFormatRuleRequest,
): sheets_v4.Schema$Response {
  const sheet = requireSheet(book, req.sheetId);
  const index = req.index ?? 0;
  const [rule] = sheet.conditionalFormats.splice(index, 1);
  if (!rule)
    throw badRequest(`No conditional format on sheet ${sheet.properties.sheetId} at index ${index}.`);
  return { deleteConditionalFormatRule: { rule } };
}

function checkName(book: Book, name: string | null | undefined, exceptId?: string): string {
  if (
    !name ||
    !/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ||
    parseBounds(name) ||
    /^(TRUE|FALSE)$/i.test(name)
  ) {
    throw badRequest(
      `Invalid name: "${name ?? ''}". A named range name must start with a letter or underscore, contain only letters, digits, underscores and periods, and not be a cell reference.`,
    );
  }
  if (
    book.namedRanges.some(
      (n) => n.namedRangeId !== exceptId && (n.name ?? '').toLowerCase() === name.toLowerCase(),
    )
  ) {
    throw badRequest(`A named range with the name "${name}" already exists.`);
  }
  return name;
}

/** addNamedRange */
export function addNamedRange(
  book: Book,
  req: sheets_v4.Schema$AddNamedRangeRequest,
): sheets_v4.Schema$Response {
  const nr = req.namedRange ?? {};
  const name = checkName(book, nr.name);
  if (!nr.range) throw badRequest('A named range must have a range.');
  requireGrid(book, nr.range);
  const id = nr.namedRangeId ?? randomName();
  if (book.namedRanges.some((n) => n.namedRangeId === id))
    throw badRequest(`A named range with the id ${id} already exists.`);
  const stored = { namedRangeId: id, name, range: { ...nr.range, sheetId: nr.range.sheetId ?? 0 } };
  book.namedRanges.push(stored);
  return { addNamedRange: { namedRange: structuredClone(stored) } };
}

/** updateNamedRange (honours `fields`) */
export function updateNamedRange(book: Book, req: sheets_v4.Schema$UpdateNamedRangeRequest): undefined {
  const id = req.namedRange?.namedRangeId;
  const i = book.namedRanges.findIndex((n) => n.namedRangeId === id);
  if (i < 0) throw badRequest(`No named range with id: ${id ?? ''}`);
  const next = applyMask(
    book.namedRanges[i]!,
    req.namedRange,
    req.fields,
    ['name', 'range', 'namedRangeId'],
    'namedRange',
  );
  checkName(book, next.name, id ?? undefined);
  if (next.range) requireGrid(book, next.range);
  book.namedRanges[i] = { ...next, namedRangeId: id };
  return undefined;
}

/** deleteNamedRange */
export function deleteNamedRange(book: Book, req: sheets_v4.Schema$DeleteNamedRangeRequest): undefined {
  const before = book.namedRanges.length;
  book.namedRanges = book.namedRanges.filter((n) => n.namedRangeId !== req.namedRangeId);
  if (book.namedRanges.length === before)
    throw badRequest(`No named range with id: ${req.namedRangeId ?? ''}`);
  return undefined;
}

function allChartIds(book: Book): Set<number> {
  return new Set(book.sheets.flatMap((s) => s.charts.map((c) => c.chartId ?? -1)));
}

/** addChart: stores the chart on its anchor sheet (overlay position) and returns it with its id. */
export function addChart(book: Book, req: sheets_v4.Schema$AddChartRequest): sheets_v4.Schema$Response {
  const chart = structuredClone(req.chart ?? {});
  if (!chart.spec) throw badRequest('A chart must have a spec.');
  const pos = chart.position ?? {};
  if (pos.newSheet || pos.sheetId != null) throw unimplemented('addChart on its own (object) sheet');
  const anchor = pos.overlayPosition?.anchorCell;
  if (!anchor) throw badRequest('A chart must have a position (overlayPosition.anchorCell).');
  const sheet = requireSheet(book, anchor.sheetId);
  const ids = allChartIds(book);
  if (chart.chartId != null && ids.has(chart.chartId))
    throw badRequest(`An embedded object with the id ${chart.chartId} already exists.`);
  chart.chartId ??= randomId((x) => ids.has(x));
  sheet.charts.push(chart);
  return { addChart: { chart: structuredClone(chart) } };
}

/** addProtectedRange: stored and returned by get; enforcement belongs to the shell. */
export function addProtectedRange(
  book: Book,
  req: sheets_v4.Schema$AddProtectedRangeRequest,
): sheets_v4.Schema$Response {
  const pr = structuredClone(req.protectedRange ?? {});
  if (pr.namedRangeId || pr.tableId) throw unimplemented('protected ranges backed by a named range or table');
  if (!pr.range) throw badRequest('A protected range must have a range.');
  const sheet = requireSheet(book, pr.range.sheetId);
  const ids = new Set(book.sheets.flatMap((s) => s.protectedRanges.map((p) => p.protectedRangeId ?? -1)));
  if (pr.protectedRangeId != null && ids.has(pr.protectedRangeId))
    throw badRequest(`A protected range with the id ${pr.protectedRangeId} already exists.`);
  pr.protectedRangeId ??= randomId((x) => ids.has(x));
  pr.range.sheetId = sheet.properties.sheetId;
  sheet.protectedRanges.push(pr);
  return { addProtectedRange: { protectedRange: structuredClone(pr) } };
}

/** deleteProtectedRange */
export function deleteProtectedRange(
  book: Book,
  req: sheets_v4.Schema$DeleteProtectedRangeRequest,
): undefined {
  for (const s of book.sheets) {
    const i = s.protectedRanges.findIndex((p) => p.protectedRangeId === req.protectedRangeId);
    if (i >= 0) {
      s.protectedRanges.splice(i, 1);
      return undefined;
    }
  }
  throw badRequest(`No protected range with id: ${req.protectedRangeId ?? ''}`);
}

/** updateProtectedRange (honours `fields`) */
export function updateProtectedRange(
  book: Book,
  req: sheets_v4.Schema$UpdateProtectedRangeRequest,
): undefined {
  const id = req.protectedRange?.protectedRangeId;
  for (const s of book.sheets) {
    const i = s.protectedRanges.findIndex((p) => p.protectedRangeId === id);
    if (i < 0) continue;
    const next = applyMask(
      s.protectedRanges[i]!,
      req.protectedRange,
      req.fields,
      [
        'protectedRangeId',
        'range',
        'namedRangeId',
        'tableId',
        'description',
        'warningOnly',
        'requestingUserCanEdit',
        'unprotectedRanges',
        'editors',
      ],
      'protectedRange',
    );
    if (next.protectedRangeId !== id) throw badRequest('The protectedRangeId cannot be changed.');
    if (next.namedRangeId || next.tableId)
      throw unimplemented('protected ranges backed by a named range or table');
    if (!next.range) throw badRequest('A protected range must have a range.');
    requireGrid(book, next.range);
    s.protectedRanges.splice(i, 1);
    requireSheet(book, next.range.sheetId).protectedRanges.push(next);
    return undefined;
  }
  throw badRequest(`No protected range with id: ${id ?? ''}`);
}

/** setBasicFilter: stores the sheet's basic filter (rows are not hidden by it here). */
export function setBasicFilter(book: Book, req: sheets_v4.Schema$SetBasicFilterRequest): undefined {
  const filter = structuredClone(req.filter ?? {});
  if (filter.tableId) throw unimplemented('basic filters on tables');
  const rect = requireGrid(book, filter.range);
  rect.sheet.basicFilter = filter;
  return undefined;
}

/** clearBasicFilter */
export function clearBasicFilter(book: Book, req: sheets_v4.Schema$ClearBasicFilterRequest): undefined {
  delete requireSheet(book, req.sheetId).basicFilter;
  return undefined;
}

/** updateConditionalFormatRule: replaces the rule at an index, or moves it to newIndex. */
export function updateConditionalFormatRule(
  book: Book,
  req: sheets_v4.Schema$UpdateConditionalFormatRuleRequest,
): sheets_v4.Schema$Response {
  const sheet = requireSheet(book, req.sheetId);
  const index = req.index ?? 0;
  const old = sheet.conditionalFormats[index];
  if (!old) throw badRequest(`No conditional format on sheet ${sheet.properties.sheetId} at index ${index}.`);
  if (req.rule) {
    if (req.newIndex != null) throw badRequest('Only one of rule or newIndex may be set.');
    for (const g of req.rule.ranges ?? []) requireGrid(book, g);
    sheet.conditionalFormats[index] = structuredClone(req.rule);
    return {
      updateConditionalFormatRule: {
        oldIndex: index,
        oldRule: old,
        newIndex: index,
        newRule: structuredClone(req.rule),
      },
    };
  }
  const target = sheet;
  const newIndex = req.newIndex ?? 0;
  sheet.conditionalFormats.splice(index, 1);
  if (newIndex < 0 || newIndex > target.conditionalFormats.length)
    throw badRequest(`Invalid newIndex ${newIndex}.`);
  target.conditionalFormats.splice(newIndex, 0, old);
  return { updateConditionalFormatRule: { oldIndex: index, oldRule: old, newIndex, newRule: old } };
}

/** deleteEmbeddedObject: removes a chart by id. */
export function deleteEmbeddedObject(
  book: Book,
  req: sheets_v4.Schema$DeleteEmbeddedObjectRequest,
): undefined {
  for (const s of book.sheets) {
    const i = s.charts.findIndex((c) => c.chartId === req.objectId);
    if (i >= 0) {
      s.charts.splice(i, 1);
      return undefined;
    }
  }
  throw badRequest(`No embedded object with id: ${req.objectId ?? ''}`);
}

/** updateChartSpec: replaces a chart's spec. */
export function updateChartSpec(book: Book, req: sheets_v4.Schema$UpdateChartSpecRequest): undefined {
  if (!req.spec) throw badRequest('A chart spec must be given.');
  for (const s of book.sheets) {
    const chart = s.charts.find((c) => c.chartId === req.chartId);
    if (chart) {
      chart.spec = structuredClone(req.spec);
      return undefined;
    }
  }
  throw badRequest(`No chart with id: ${req.chartId ?? ''}`);
}
