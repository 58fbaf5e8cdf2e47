/** Deadlines in a task's words: "trước ngày 30/9/2025", "hoàn thành trong tháng 3/2024", "định kỳ hằng quý", "Quý II/2024". */
import type { Deadline, PartialDate } from './draft.js';
import { folded, squash } from './text.js';

const DATE = String.raw`(?:ngay\s+)?(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?|(\d{1,2})\s+thang\s+(\d{1,2})(?:\s+nam\s+(\d{4}))?)(?![\d/])`;
const YEAR = String.raw`(?:\s*[/-]\s*|\s+nam\s+)(\d{4})`;
const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

interface Rule {
  readonly re: RegExp;
  /** Only in a table's time cell or after "Thời gian:", where a bare date or month is a deadline. */
  readonly cellOnly: boolean;
  readonly read: (m: RegExpExecArray) => Omit<Deadline, 'raw'> | null;
}

function int(text: string | undefined): number | null {
  return text === undefined ? null : Number.parseInt(text, 10);
}

function dateOf(m: RegExpExecArray, first: number): PartialDate {
  return {
    year: int(m[first + 2] ?? m[first + 5]),
    month: int(m[first + 1] ?? m[first + 4]),
    day: int(m[first] ?? m[first + 3]),
  };
}

const none = { date: null, quarter: null, every: null } as const;
const EVERY: Record<string, Deadline['every']> = {
  tuan: 'week',
  thang: 'month',
  qui: 'quarter',
  nam: 'year',
};

const RULES: readonly Rule[] = [
  {
    re: new RegExp(
      String.raw`(?:hoan thanh\s+)?(?:truoc|cham nhat(?:\s+(?:la|vao))?|han chot|khong qua|khong muon hon|han|den)\s+` +
        DATE,
      'g',
    ),
    cellOnly: false,
    read: (m) => ({ ...none, kind: 'by-date', date: dateOf(m, 1) }),
  },
  {
    re: new RegExp(String.raw`(?:dinh ki\s+|bao cao\s+)?hang\s+(tuan|thang|qui|nam)`, 'g'),
    cellOnly: false,
    read: (m) => ({ ...none, kind: 'periodic', every: EVERY[m[1] ?? ''] ?? null }),
  },
  {
    re: /(?:dinh ki\s+)?(?:6|sau) thang(?:\s+(?:mot lan|\/\s*lan))?(?=\s*(?:mot lan|\/|,|\.|;|$))/g,
    cellOnly: false,
    read: () => ({ ...none, kind: 'periodic', every: 'half-year' }),
  },
  {
    re: /thuong xuyen(?:\s*,?\s*lien tuc)?/g,
    cellOnly: false,
    read: () => ({ ...none, kind: 'continuous' }),
  },
  {
    re: new RegExp(
      String.raw`(?:hoan thanh\s+)?(?:trong|den het|cuoi)\s+thang\s+(\d{1,2})(?:` + YEAR + ')?',
      'g',
    ),
    cellOnly: false,
    read: (m) => ({ ...none, kind: 'within-month', date: { year: int(m[2]), month: int(m[1]), day: null } }),
  },
  {
    re: new RegExp(
      String.raw`(?:hoan thanh\s+)?(?:trong|den het|cuoi)\s+qui\s+(iv|i{1,3}|[1-4])(?![a-z0-9])(?:` +
        YEAR +
        ')?',
      'g',
    ),
    cellOnly: false,
    read: (m) => ({
      ...none,
      kind: 'within-quarter',
      quarter: ROMAN_QUARTER[m[1] ?? ''] ?? null,
      date: { year: int(m[2]), month: null, day: null },
    }),
  },
  {
    re: /(?:hoan thanh\s+)?(?:trong|ca|suot|den het)\s+nam\s+(\d{4})/g,
    cellOnly: false,
    read: (m) => ({ ...none, kind: 'within-year', date: { year: int(m[1]), month: null, day: null } }),
  },
  {
    re: new RegExp(String.raw`(?<![a-z])` + DATE, 'g'),
    cellOnly: true,
    read: (m) => ({ ...none, kind: 'on-date', date: dateOf(m, 1) }),
  },
  {
    re: new RegExp(String.raw`(?<![a-z])thang\s+(\d{1,2})(?:` + YEAR + ')?', 'g'),
    cellOnly: true,
    read: (m) => ({ ...none, kind: 'within-month', date: { year: int(m[2]), month: int(m[1]), day: null } }),
  },
  {
    re: new RegExp(String.raw`(?<![a-z])qui\s+(iv|i{1,3}|[1-4])(?![a-z0-9])(?:` + YEAR + ')?', 'g'),
    cellOnly: true,
    read: (m) => ({
      ...none,
      kind: 'within-quarter',
      quarter: ROMAN_QUARTER[m[1] ?? ''] ?? null,
      date: { year: int(m[2]), month: null, day: null },
    }),
  },
  {
    re: /(?<![a-z])nam\s+(\d{4})/g,
    cellOnly: true,
    read: (m) => ({ ...none, kind: 'within-year', date: { year: int(m[1]), month: null, day: null } }),
  },
];

/**
 * Finds the deadlines in a text, in order; `cell` says the text is a time cell ("Quý II/2024", "30/6/2024"),
 * where a bare date, month, quarter or year is itself the deadline.
 */
export function findDeadlines(text: string, cell = false): Deadline[] {
  const ft = folded(text);
  const found: { start: number; end: number; deadline: Deadline }[] = [];
  for (const rule of RULES) {
    if (rule.cellOnly && !cell) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(ft.loose); m !== null; m = rule.re.exec(ft.loose)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const read = rule.read(m);
      if (read === null) continue;
      if (
        read.date &&
        read.date.day === null &&
        read.date.month === null &&
        read.date.year === null &&
        read.kind !== 'within-quarter'
      )
        continue;
      const { kind, date, quarter, every } = read;
      found.push({
        start,
        end,
        deadline: { raw: squash(ft.text.slice(start, end)), kind, date, quarter, every },
      });
    }
  }
  return found.sort((a, b) => a.start - b.start).map((f) => f.deadline);
}
