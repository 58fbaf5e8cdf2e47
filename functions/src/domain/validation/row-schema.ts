// The zod schemas a template yields: one reads a row of raw cells, one checks accepted values read back from storage.
import * as z from 'zod';
import type { Column, Template } from '@theodoi/sheets-schema/template-format';
import type { CellOutcome } from '../values/issue.js';
import { BLANK } from '../values/issue.js';
import type { CellParser } from '../values/parse-cell.js';
import { cellParser } from '../values/parse-cell.js';
import { isVietnamesePhone } from '../values/phone.js';
import { TEXT_CAP } from '../values/text.js';

/** Raw cells keyed by column key → each column's outcome. Each column's parser never fails, so one bad cell
 * never hides the others' values; rules and the verdict are decided afterwards on the outcomes. */
export type CellsSchema = z.ZodType<Record<string, CellOutcome>, Record<string, unknown>>;

/** Each column's key and parser, in template order. */
function columnParsers(template: Template): Array<{ key: string; parse: CellParser }> {
  return template.columns.map((column) => ({ key: column.key, parse: cellParser(column) }));
}

/** Builds the schema reading one row of raw cells (unknown keys are dropped, missing keys are blank). */
export function buildCellsSchema(template: Template): CellsSchema {
  const shape: Record<string, z.ZodType<CellOutcome, unknown>> = {};
  for (const { key, parse } of columnParsers(template)) {
    // A bare transform runs for missing keys too (as undefined → blank) and is the cheapest schema zod offers.
    shape[key] = z.transform((raw: unknown) => parse(raw));
  }
  return z.object(shape);
}

/**
 * Reads a row of raw cells into each column's outcome, in template order; undefined when the row cannot be read.
 * An object row (what the sync always passes) is read with the same column parsers as the cells schema, exactly as
 * the schema reads it (`input[key]` for every column; the property tests compare the two on random and odd rows), but
 * without zod's per-cell dispatch, which costs more than parsing a number. Anything else is left to the schema.
 */
export function buildRowReader(template: Template): (cells: unknown) => readonly CellOutcome[] | undefined {
  const parsers = columnParsers(template);
  const schema = buildCellsSchema(template);
  return (cells) => {
    if (typeof cells === 'object' && cells !== null && !Array.isArray(cells)) {
      const row = cells as Readonly<Record<string, unknown>>;
      const outcomes: CellOutcome[] = [];
      for (const { key, parse } of parsers) outcomes.push(parse(row[key]));
      return outcomes;
    }
    const parsed = schema.safeParse(cells);
    return parsed.success ? parsers.map(({ key }) => parsed.data[key] ?? BLANK) : undefined;
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function acceptedValueSchema(column: Column): z.ZodType {
  switch (column.type) {
    case 'integer':
    case 'money': {
      let s = z.number().int();
      if (column.min !== undefined) s = s.min(column.min);
      if (column.max !== undefined) s = s.max(column.max);
      return s;
    }
    case 'decimal':
    case 'percent': {
      let s = z.number();
      if (column.min !== undefined) s = s.min(column.min);
      if (column.max !== undefined) s = s.max(column.max);
      return s;
    }
    case 'text':
    case 'longText':
      return z
        .string()
        .min(1)
        .max(column.maxLength ?? TEXT_CAP);
    case 'date':
      return z.string().regex(ISO_DATE);
    case 'enum':
      return z.enum(column.options as [string, ...string[]]);
    case 'yesNo':
      return z.boolean();
    case 'url':
      return z.string().regex(/^https?:\/\/\S+$/i);
    case 'phone':
      return z.string().refine(isVietnamesePhone, 'not a Vietnamese phone number');
    case 'email':
      return z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  }
}

/** Builds the schema of a row's accepted values (null where nothing was accepted), for values read back from storage. */
export function buildValuesSchema(
  template: Template,
): z.ZodType<Record<string, string | number | boolean | null>> {
  const shape: Record<string, z.ZodType> = {};
  for (const column of template.columns) shape[column.key] = acceptedValueSchema(column).nullable();
  return z.object(shape).strict() as unknown as z.ZodType<Record<string, string | number | boolean | null>>;
}
