// The zod schemas a template yields: one reads a row of raw cells, one checks accepted values read back from storage.
import * as z from 'zod';
import type { Column, Template } from '../../../../sheets-schema/template-format.js';
import type { CellOutcome } from '../values/issue.js';
import { cellParser } from '../values/parse-cell.js';
import { isVietnamesePhone } from '../values/phone.js';
import { TEXT_CAP } from '../values/text.js';

/** Raw cells keyed by column key → each column's outcome. Each column's parser never fails, so one bad cell
 * never hides the others' values; rules and the verdict are decided afterwards on the outcomes. */
export type CellsSchema = z.ZodType<Record<string, CellOutcome>, Record<string, unknown>>;

/** Builds the schema reading one row of raw cells (unknown keys are dropped, missing keys are blank). */
export function buildCellsSchema(template: Template): CellsSchema {
  const shape: Record<string, z.ZodType<CellOutcome, unknown>> = {};
  for (const column of template.columns) {
    const parse = cellParser(column);
    // A bare transform runs for missing keys too (as undefined → blank) and is the cheapest schema zod offers.
    shape[column.key] = z.transform((raw: unknown) => parse(raw));
  }
  return z.object(shape);
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
