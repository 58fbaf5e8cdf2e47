// Creating a directive: each recipient unit gets exactly one row, however the coordinator typed its code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirective } from '@theodoi/functions/usecases/create-directive';
import { startWorld, type World } from '@theodoi/test-kit/world';

describe('createDirective', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld('create1');
  });
  afterAll(async () => world?.close());

  it('merges a recipient given twice (in another case) into one row, and says so', async () => {
    const created = await createDirective(world.deps, {
      ...world.spec,
      id: 'cchc-create1-dup',
      recipients: ['VP', 'NV', 'vp', 'VP'],
    });
    expect(created.warnings).toEqual([
      'Đơn vị vp, VP được ghi nhiều lần trong danh sách nhận — mỗi đơn vị chỉ có một dòng.',
    ]);
    const codes = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: created.spreadsheetId,
      range: "'Quý I/2024'!A5:A",
    });
    expect(codes.data.values).toEqual([['VP'], ['NV']]);
  });
});
