/** The holiday schedules the Government announced for officials, 2024–2026, as data with source and status. */
import type { AnnouncedYear } from './holidays.js';

const FACTS = 'shared/reference/domain-facts.md §4';

// Holidays a year leaves out (Tết Dương lịch 2024 and 2025, Quốc khánh 2026) follow the Labour Code default
// rule, which gives 01/01/2024 (Mon) and 01/01/2025 (Wed) as single days off. When the Government announces
// a missing holiday, add it here (or pass it to createCalendar) and the default stops applying to it.

/** The built-in announced schedules (validated by AnnouncedYearSchema in the tests). */
export const ANNOUNCED_SCHEDULES: readonly AnnouncedYear[] = [
  {
    year: 2024,
    holidays: [
      {
        holiday: 'tet-nguyen-dan',
        daysOff: [{ from: '2024-02-08', to: '2024-02-14' }],
        makeUpWorkingDays: [],
        status: 'V',
        source: `${FACTS}, 2024: Tết off 08/02–14/02`,
      },
      {
        holiday: 'gio-to',
        daysOff: [{ from: '2024-04-18', to: '2024-04-18' }],
        makeUpWorkingDays: [],
        status: 'V',
        source: `${FACTS}, 2024: Giỗ Tổ 18/04`,
      },
      {
        holiday: '30-4-1-5',
        daysOff: [{ from: '2024-04-27', to: '2024-05-01' }],
        makeUpWorkingDays: ['2024-05-04'],
        status: 'V',
        source: `${FACTS}, 2024: off 27/04–01/05, make-up working Saturday 04/05`,
      },
      {
        holiday: 'quoc-khanh',
        daysOff: [{ from: '2024-08-31', to: '2024-09-03' }],
        makeUpWorkingDays: [],
        status: 'V',
        source: `${FACTS}, 2024: Quốc khánh off 31/08–03/09`,
      },
    ],
  },
  {
    year: 2025,
    holidays: [
      {
        holiday: 'tet-nguyen-dan',
        daysOff: [{ from: '2025-01-25', to: '2025-02-02' }],
        makeUpWorkingDays: [],
        status: 'V',
        source: `${FACTS}, 2025: Tết off 25/01–02/02`,
      },
      {
        holiday: 'gio-to',
        daysOff: [{ from: '2025-04-07', to: '2025-04-07' }],
        makeUpWorkingDays: [],
        status: 'V',
        source: `${FACTS}, 2025: Giỗ Tổ 07/04`,
      },
      {
        holiday: '30-4-1-5',
        daysOff: [{ from: '2025-04-30', to: '2025-05-04' }],
        makeUpWorkingDays: ['2025-04-26'],
        status: 'V',
        source: `${FACTS}, 2025: off 30/04–04/05, make-up working Saturday 26/04`,
      },
      {
        holiday: 'quoc-khanh',
        daysOff: [{ from: '2025-08-30', to: '2025-09-02' }],
        makeUpWorkingDays: [],
        status: 'M',
        source: `${FACTS}, 2025: Quốc khánh off 30/08–02/09 (not checked against a source)`,
      },
    ],
  },
  {
    year: 2026,
    holidays: [
      {
        holiday: 'tet-duong-lich',
        daysOff: [{ from: '2026-01-01', to: '2026-01-04' }],
        makeUpWorkingDays: ['2026-01-10'],
        status: 'V',
        source: `${FACTS}, 2026: Tết Dương lịch off 01/01–04/01, make-up working Saturday 10/01`,
      },
      {
        holiday: 'tet-nguyen-dan',
        daysOff: [{ from: '2026-02-14', to: '2026-02-22' }],
        makeUpWorkingDays: [],
        status: 'V',
        source: `${FACTS}, 2026: Tết off 14/02–22/02`,
      },
      {
        holiday: 'gio-to',
        daysOff: [{ from: '2026-04-26', to: '2026-04-27' }],
        makeUpWorkingDays: [],
        status: 'V',
        source: `${FACTS}, 2026: Giỗ Tổ Sunday 26/04, off Monday 27/04`,
      },
      {
        holiday: '30-4-1-5',
        daysOff: [{ from: '2026-04-30', to: '2026-05-03' }],
        makeUpWorkingDays: [],
        status: 'V',
        source: `${FACTS}, 2026: off 30/04–03/05`,
      },
    ],
  },
];
