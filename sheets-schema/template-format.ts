// The report template format: the zod schema a template declaration must satisfy, and the types derived from it.
import * as z from 'zod';

/** Every kind of value a column can hold; the parser and the sheet's data validation follow from it. */
export const COLUMN_TYPES = [
  'integer',
  'decimal',
  'money',
  'percent',
  'text',
  'longText',
  'date',
  'enum',
  'yesNo',
  'url',
  'phone',
  'email',
] as const;
/** One of {@link COLUMN_TYPES}. */
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** Column types whose parsed value is a number (percent is stored as a fraction: 0.75 = 75%). */
export const NUMERIC_TYPES = ['integer', 'decimal', 'money', 'percent'] as const;
/** One of {@link NUMERIC_TYPES}. */
export type NumericType = (typeof NUMERIC_TYPES)[number];

/** How the summary combines a column over units: sum and average for numbers, count of filled cells, list of texts. */
export const SUMMARY_KINDS = ['sum', 'count', 'average', 'list', 'none'] as const;
/** One of {@link SUMMARY_KINDS}. */
export type SummaryKind = (typeof SUMMARY_KINDS)[number];

/** Operators comparing a column's value with a constant or with another column. */
export const COMPARISON_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;
/** One of {@link COMPARISON_OPS}. */
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

/** Operators testing whether a column was filled at all. */
export const PRESENCE_OPS = ['filled', 'empty'] as const;
/** One of {@link PRESENCE_OPS}. */
export type PresenceOp = (typeof PRESENCE_OPS)[number];

/** Google Sheets' own limit on the characters of one cell; no column may accept more. */
export const MAX_CELL_CHARS = 50_000;

/** Whether a column type's parsed value is a number. */
export function isNumericType(type: ColumnType): type is NumericType {
  return (NUMERIC_TYPES as readonly string[]).includes(type);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z
  .string()
  .regex(ISO_DATE, 'expected an ISO date yyyy-MM-dd')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'not a real calendar date',
    },
  );

const baseColumn = z.object({
  /** Stable identifier (snake_case ASCII); the sheet maps columns by key, never by position. */
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'keys are snake_case ASCII, starting with a letter'),
  /** Vietnamese header shown on the sheet and in every message about the column. */
  header: z.string().trim().min(1).max(200),
  /** Vietnamese hint, shown as a note on the header cell. */
  hint: z.string().trim().max(1000).default(''),
  required: z.boolean().default(false),
  /** Column width on the sheet, in pixels. */
  width: z.number().int().min(40).max(1000).optional(),
  summary: z.enum(SUMMARY_KINDS).default('none'),
  /**
   * Optional: how the summary's draft paragraph words this column's total after "Các đơn vị đã …", with {n}
   * where the figure goes (e.g. "tổ chức {n} hội nghị"); without it the paragraph names the column by its header.
   */
  summaryPhrase: z
    .string()
    .trim()
    .max(300)
    .regex(/\{n\}/, 'a summary phrase contains {n} where the figure goes')
    .optional(),
  /**
   * 'officer' columns are typed by the unit; 'prefilled' ones are written when the sheet is provisioned
   * (for instance the task names of a directive) and do not count when deciding whether a row is empty.
   */
  source: z.enum(['officer', 'prefilled']).default('officer'),
});

const numericBounds = {
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
};

const integerColumn = baseColumn.extend({ type: z.literal('integer'), ...numericBounds });
const decimalColumn = baseColumn.extend({ type: z.literal('decimal'), ...numericBounds });
const moneyColumn = baseColumn.extend({ type: z.literal('money'), ...numericBounds });
/** Percent bounds are fractions too: max 1 means 100%. */
const percentColumn = baseColumn.extend({ type: z.literal('percent'), ...numericBounds });
const textColumn = baseColumn.extend({
  type: z.literal('text'),
  maxLength: z.number().int().min(1).max(MAX_CELL_CHARS).optional(),
});
const longTextColumn = baseColumn.extend({
  type: z.literal('longText'),
  maxLength: z.number().int().min(1).max(MAX_CELL_CHARS).optional(),
});
const dateColumn = baseColumn.extend({
  type: z.literal('date'),
  min: isoDate.optional(),
  max: isoDate.optional(),
});
const enumColumn = baseColumn.extend({
  type: z.literal('enum'),
  options: z.array(z.string().trim().min(1).max(100)).min(1).max(50),
});
const yesNoColumn = baseColumn.extend({ type: z.literal('yesNo') });
const urlColumn = baseColumn.extend({ type: z.literal('url') });
const phoneColumn = baseColumn.extend({ type: z.literal('phone') });
const emailColumn = baseColumn.extend({ type: z.literal('email') });

/** The schema of one column declaration, discriminated by `type`. */
export const columnSchema = z.discriminatedUnion('type', [
  integerColumn,
  decimalColumn,
  moneyColumn,
  percentColumn,
  textColumn,
  longTextColumn,
  dateColumn,
  enumColumn,
  yesNoColumn,
  urlColumn,
  phoneColumn,
  emailColumn,
]);

const scalar = z.union([z.number().finite(), z.string(), z.boolean()]);

/** A condition on one column: compared with a constant, or tested for presence. */
export const conditionSchema = z.union([
  z.object({ column: z.string(), op: z.enum(COMPARISON_OPS), value: scalar }).strict(),
  z.object({ column: z.string(), op: z.enum(PRESENCE_OPS) }).strict(),
]);

/** A cross-field rule, declared as data. */
export const ruleSchema = z.discriminatedUnion('kind', [
  /** `column` must be filled whenever `when` holds (e.g. participants when conferences > 0). */
  z.object({ kind: z.literal('requiredWhen'), column: z.string(), when: conditionSchema }).strict(),
  /**
   * When both sides are present (and `when` holds), `column op value` or `column op otherColumn` must be true
   * (e.g. percent done = 100% when status is Hoàn thành).
   */
  z
    .object({
      kind: z.literal('compare'),
      column: z.string(),
      op: z.enum(COMPARISON_OPS),
      value: scalar.optional(),
      otherColumn: z.string().optional(),
      when: conditionSchema.optional(),
    })
    .strict()
    .refine((r) => (r.value === undefined) !== (r.otherColumn === undefined), {
      message: 'a compare rule needs exactly one of value or otherColumn',
    }),
]);

const templateObject = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'template ids are kebab-case ASCII'),
    version: z.number().int().min(1),
    /** Vietnamese title, the first line of the report tab. */
    title: z.string().trim().min(1).max(300),
    /** Vietnamese instructions shown under the title. */
    instructions: z.string().trim().min(1).max(5000),
    /**
     * 'row-per-unit': an indicator report, one row per unit; 'row-per-task': a directive's tasks, one row per task and
     * responsible unit (decision 007), its task, unit, role and deadline written by theodoi.
     */
    shape: z.enum(['row-per-unit', 'row-per-task']),
    columns: z.array(columnSchema).min(1).max(100),
    rules: z.array(ruleSchema).default([]),
    /** Columns shown, in this order, as the key figures of each unit on the summary tab. */
    keyFigures: z.array(z.string()).default([]),
  })
  .strict();

/** A column declaration after defaults are applied. */
export type Column = z.output<typeof columnSchema>;
/** A condition after parsing. */
export type Condition = z.output<typeof conditionSchema>;
/** A cross-field rule after parsing. */
export type Rule = z.output<typeof ruleSchema>;
/** What a template author writes (defaults may be left out). */
export type TemplateDeclaration = z.input<typeof templateObject>;

type ParsedTemplate = z.output<typeof templateObject>;

/** A loaded, checked template; `ref` is `id@version`. */
export type Template = ParsedTemplate & { readonly ref: string };

/** Lowercase, without diacritics, single-spaced: how enum options and typed choices are compared. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function checkConditionValue(column: Column, value: unknown): string | undefined {
  if (isNumericType(column.type)) return typeof value === 'number' ? undefined : 'expects a number';
  if (column.type === 'yesNo') return typeof value === 'boolean' ? undefined : 'expects a boolean';
  if (typeof value !== 'string') return 'expects a string';
  if (column.type === 'enum' && !column.options.includes(value))
    return `"${value}" is not one of its options`;
  if (column.type === 'date' && !ISO_DATE.test(value)) return 'expects an ISO date';
  return undefined;
}

function crossCheck(t: ParsedTemplate, ctx: z.RefinementCtx): void {
  const byKey = new Map<string, Column>();
  const headers = new Set<string>();
  t.columns.forEach((c, i) => {
    if (byKey.has(c.key))
      ctx.addIssue({ code: 'custom', path: ['columns', i, 'key'], message: `duplicate key ${c.key}` });
    byKey.set(c.key, c);
    const folded = foldVietnamese(c.header);
    if (headers.has(folded))
      ctx.addIssue({
        code: 'custom',
        path: ['columns', i, 'header'],
        message: `duplicate header ${c.header}`,
      });
    headers.add(folded);
    if ((c.summary === 'sum' || c.summary === 'average') && !isNumericType(c.type))
      ctx.addIssue({
        code: 'custom',
        path: ['columns', i, 'summary'],
        message: `${c.summary} needs a numeric column`,
      });
    if ('min' in c && 'max' in c && c.min !== undefined && c.max !== undefined && c.min > c.max)
      ctx.addIssue({ code: 'custom', path: ['columns', i, 'min'], message: 'min is greater than max' });
    if (c.type === 'enum') {
      const folds = new Set(c.options.map(foldVietnamese));
      if (folds.size !== c.options.length)
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'options'],
          message: 'options must differ even without diacritics and case',
        });
    }
  });
  const checkRef = (key: string, path: (string | number)[]): Column | undefined => {
    const col = byKey.get(key);
    if (!col) ctx.addIssue({ code: 'custom', path, message: `unknown column ${key}` });
    return col;
  };
  const checkCondition = (cond: Condition, path: (string | number)[]): void => {
    const col = checkRef(cond.column, [...path, 'column']);
    if (col && 'value' in cond) {
      const problem = checkConditionValue(col, cond.value);
      if (problem)
        ctx.addIssue({ code: 'custom', path: [...path, 'value'], message: `${cond.column} ${problem}` });
    }
  };
  t.rules.forEach((r, i) => {
    const col = checkRef(r.column, ['rules', i, 'column']);
    if (r.when) checkCondition(r.when, ['rules', i, 'when']);
    if (r.kind === 'compare' && col) {
      if (r.value !== undefined) {
        const problem = checkConditionValue(col, r.value);
        if (problem)
          ctx.addIssue({ code: 'custom', path: ['rules', i, 'value'], message: `${r.column} ${problem}` });
      }
      if (r.otherColumn !== undefined) {
        const other = checkRef(r.otherColumn, ['rules', i, 'otherColumn']);
        if (other && isNumericType(other.type) !== isNumericType(col.type))
          ctx.addIssue({
            code: 'custom',
            path: ['rules', i],
            message: 'compared columns must both be numeric or not',
          });
      }
    }
  });
  t.keyFigures.forEach((k, i) => checkRef(k, ['keyFigures', i]));
  if (new Set(t.keyFigures).size !== t.keyFigures.length)
    ctx.addIssue({ code: 'custom', path: ['keyFigures'], message: 'duplicate key figure' });
}

/** The schema a template declaration must satisfy: fields, then cross-references between columns and rules. */
export const templateSchema = templateObject
  .superRefine(crossCheck)
  .transform((t): Template => ({ ...t, ref: `${t.id}@${t.version}` }));

/** Identity function that type-checks a template declaration where it is written. */
export function defineTemplate(declaration: TemplateDeclaration): TemplateDeclaration {
  return declaration;
}
