// What the register sync does with one row: review and what blocks it (in Vietnamese), create, leave a creation in
// flight alone, resume one that stopped, follow a created directive whatever its cells say now.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { importDirective } from '@theodoi/functions/domain/importer/import';
import { proposeDirective } from '@theodoi/functions/domain/importer/proposal';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';
import { REGISTER_COLUMN_KEYS } from '@theodoi/functions/domain/register/columns';
import { decideRow, type StoredState } from '@theodoi/functions/domain/register/decide';
import type { RegisterRow } from '@theodoi/functions/domain/register/row';
import { register as msg } from '@theodoi/functions/messages.vi';
import { listTemplates } from '@theodoi/sheets-schema/registry';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const org = parseOrganisation(JSON.parse(read('../../../../../examples/thap-muoi-2024/organisation.json')));
const SEED = read('../../../../../examples/thap-muoi-2024/congvan-cchc-2024.txt');
const draft = importDirective(SEED, org);
const forms = listTemplates().filter((t) => t.shape === 'row-per-unit');
const now = new Date('2024-03-05T02:00:00Z');
const proposal = proposeDirective(draft, {
  today: '2024-03-05',
  templates: forms,
  coordinator: org.coordinator,
});

function row(cells: Partial<RegisterRow['cells']>, rest: Partial<RegisterRow> = {}): RegisterRow {
  const blank = Object.fromEntries(REGISTER_COLUMN_KEYS.map((k) => [k, ''])) as RegisterRow['cells'];
  return {
    row: 1,
    cells: {
      ...blank,
      text: SEED,
      id: 'cv-cchc-2024',
      template: forms[0]!.title,
      deadline: '29/03/2024',
      ...cells,
    },
    confirmPast: false,
    create: true,
    close: false,
    ...rest,
  };
}
const decide = (r: RegisterRow, stored: StoredState = { state: 'none' }) =>
  decideRow(r, { draft, proposal, forms, stored, now, today: '2024-03-05', calendar: createCalendar() });

describe('decideRow', () => {
  it('waits for the tick, then creates the directive the row describes', () => {
    expect(decide(row({}, { create: false }))).toEqual({ kind: 'review', blockers: [] });
    expect(decide(row({}))).toMatchObject({
      kind: 'create',
      spec: {
        id: 'cv-cchc-2024',
        template: forms[0]!.ref,
        schedule: { kind: 'once', deadline: '2024-03-29' },
        coordinators: [org.coordinator.email],
      },
    });
  });

  it('names every reason a ticked row cannot be created, in Vietnamese', () => {
    expect(decide(row({ id: 'Mã Sai', template: 'Mẫu lạ', deadline: '31/02/2024' }))).toEqual({
      kind: 'review',
      blockers: [msg.badId('Mã Sai'), msg.unknownTemplate('Mẫu lạ'), msg.badDeadline('31/02/2024')],
    });
    expect(decide(row({ text: '' }))).toEqual({ kind: 'empty' });
  });

  it('asks to confirm a deadline already past, and creates once "Xác nhận hạn đã qua" is ticked', () => {
    expect(decide(row({ deadline: '01/03/2024' }))).toEqual({
      kind: 'review',
      blockers: [msg.pastDeadline('01/03/2024', '05/03/2024')],
    });
    expect(decide(row({ deadline: '01/03/2024' }, { confirmPast: true })).kind).toBe('create');
  });

  it('says at once when another directive already has the id', () => {
    const taken: StoredState = { state: 'open', spreadsheetUrl: 'https://x', units: 3, notShared: 0 };
    expect(decide(row({}, { create: false }), taken)).toEqual({
      kind: 'review',
      blockers: [msg.idTaken('cv-cchc-2024')],
    });
  });

  it('follows the directive its marker names, whatever the id cell says now', () => {
    const open: StoredState = { state: 'open', spreadsheetUrl: 'https://x', units: 3, notShared: 0 };
    expect(decide(row({ id: 'something-else' }, { directiveId: 'cv-cchc-2024' }), open)).toEqual({
      kind: 'follow',
      directiveId: 'cv-cchc-2024',
    });
  });

  it('leaves a creation in flight alone, and resumes one that failed or died', () => {
    const recent: StoredState = { state: 'provisioning', updatedAt: new Date(now.getTime() - 30_000) };
    const old: StoredState = { state: 'provisioning', updatedAt: new Date(now.getTime() - 3 * 60_000) };
    const marked = { directiveId: 'cv-cchc-2024' };
    expect(decide(row({ status: msg.creating }, marked), recent)).toEqual({ kind: 'busy' });
    expect(decide(row({ status: msg.failed(msg.tryLater) }, marked), recent).kind).toBe('create');
    expect(decide(row({ status: msg.creating }, marked), old).kind).toBe('create');
  });
});
