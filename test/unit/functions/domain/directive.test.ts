// The shipped example directive file parses, and a bad one is refused naming the field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDirectiveSpec } from '@theodoi/functions/domain/directive';

const example = JSON.parse(
  readFileSync(
    new URL('../../../../examples/thap-muoi-2024/directive-cchc-2024.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown>;

describe('parseDirectiveSpec', () => {
  it('reads the Tháp Mười example: 25 recipients, quarterly 2024, the CCHC template', () => {
    const spec = parseDirectiveSpec(example);
    expect(spec.recipients).toHaveLength(25);
    expect(spec.schedule).toMatchObject({ kind: 'quarterly', first: '2024-Q1', last: '2024-Q4' });
    expect(spec.template).toBe('cchc-tuyen-truyen@1');
  });

  const bad = [
    { name: 'no recipients', patch: { recipients: [] }, path: 'recipients' },
    { name: 'a template without version', patch: { template: 'cchc-tuyen-truyen' }, path: 'template' },
    { name: 'an impossible date', patch: { date: '2024-02-30' }, path: 'date' },
    {
      name: 'a schedule of the wrong kind',
      patch: {
        schedule: {
          kind: 'quarterly',
          first: '2024-M01',
          deadline: { type: 'working-days-after-cutoff', days: 2 },
        },
      },
      path: 'schedule',
    },
  ];
  bad.forEach((tc) =>
    it(`refuses ${tc.name}`, () => {
      const attempt = () => parseDirectiveSpec({ ...example, ...tc.patch });
      expect(attempt).toThrow();
      try {
        attempt();
      } catch (error) {
        expect((error as { issues: { path: unknown[] }[] }).issues[0]!.path[0]).toBe(tc.path);
      }
    }),
  );
});

describe('specFromDraft', () => {
  it('completes the seed công văn into a directive file, leaving the missing number and day blank', async () => {
    const { importDirective } = await import('@theodoi/functions/domain/importer/import');
    const { parseOrganisation } = await import('@theodoi/functions/domain/organisation');
    const { specFromDraft } = await import('@theodoi/functions/domain/directive');
    const org = parseOrganisation(
      JSON.parse(
        readFileSync(
          new URL('../../../../examples/thap-muoi-2024/organisation.json', import.meta.url),
          'utf8',
        ),
      ),
    );
    const text = readFileSync(
      new URL('../../../../examples/thap-muoi-2024/congvan-cchc-2024.txt', import.meta.url),
      'utf8',
    );
    const spec = specFromDraft(importDirective(text, org), {
      id: 'thap-muoi-cchc-2024',
      template: 'cchc-tuyen-truyen@1',
      schedule: {
        kind: 'quarterly',
        first: '2024-Q1',
        deadline: { type: 'working-days-after-cutoff', days: 2 },
      },
    });
    expect(spec).toMatchObject({
      number: null,
      date: null,
      issuer: 'Ủy ban nhân dân huyện Tháp Mười',
      subject: 'triển khai Quyết định ban hành Kế hoạch thông tin, tuyên truyền CCHC năm 2024 của Bộ Nội vụ',
    });
    expect(spec.recipients).toHaveLength(25);
    expect((spec.document?.references as unknown[]).length).toBe(4);
  });

  it.each([
    ['dong-thap-2026/directive-cchc-2026.json', 114],
    ['xa-thap-muoi-2026/directive-cchc-2026.json', 19],
  ])('reads the 2026 example %s: every unit a recipient, quarterly 2026', (path, recipients) => {
    const spec = parseDirectiveSpec(
      JSON.parse(readFileSync(new URL(`../../../../examples/${path}`, import.meta.url), 'utf8')),
    );
    expect(spec.recipients).toHaveLength(recipients);
    expect(spec.schedule).toMatchObject({ kind: 'quarterly', first: '2026-Q1', last: '2026-Q4' });
  });
});
