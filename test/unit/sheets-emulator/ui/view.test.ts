// The HTML view of a formatted spreadsheet: vi_VN formatted values, merges, notes, frozen rows, widths, charts,
// and officers' text always escaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSpreadsheet,
  startHarness,
  stopHarness,
  type Harness,
} from '../../../support/sheets-harness.js';

const OFFICER = 'can.bo@myhoa.thapmuoi.gov.vn';

/** Rows 2–3 of column `c0` of the "Tổng hợp" tab (sheet 2), as a chart's source. */
const src = (c0: number) => ({
  sourceRange: {
    sources: [{ sheetId: 2, startRowIndex: 1, endRowIndex: 3, startColumnIndex: c0, endColumnIndex: c0 + 1 }],
  },
});

describe('HTML view', () => {
  let h: Harness;
  let id = '';
  let html = '';
  const view = (path = '') => fetch(`${h.server.url}/__emulator/spreadsheets/${id}/view${path}`);

  beforeAll(async () => {
    h = await startHarness();
    id = await createSpreadsheet(h.sheets, {
      properties: { title: 'Kết quả <CCHC> & "Quý I"', locale: 'vi_VN' },
      sheets: [
        {
          properties: {
            title: 'Báo cáo',
            sheetId: 1,
            gridProperties: { frozenRowCount: 2, frozenColumnCount: 1 },
          },
        },
        { properties: { title: 'Tổng hợp', sheetId: 2 } },
        { properties: { title: 'Ẩn', sheetId: 3, hidden: true } },
      ],
    });
    await h.drive.permissions.create({
      fileId: id,
      requestBody: { type: 'user', role: 'writer', emailAddress: OFFICER },
    });
    await h.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'USER_ENTERED',
        data: [
          { range: "'Báo cáo'!A1", values: [['KẾT QUẢ THÔNG TIN, TUYÊN TRUYỀN CCHC — QUÝ I/2024']] },
          { range: "'Báo cáo'!A2:C2", values: [['Mã ĐV', 'Số hội nghị', 'Ngày báo cáo']] },
          { range: "'Báo cáo'!A3:C3", values: [['NV', '1.234,5', '15/03/2024']] },
          {
            range: "'Tổng hợp'!A1:B3",
            values: [
              ['Đơn vị', 'Số tin'],
              ['Mỹ Hòa', '4'],
              ['Tân Kiều', '7'],
            ],
          },
          { range: "'Ẩn'!A1", values: [['bí mật']] },
          { range: "'Tổng hợp'!C2:C3", values: [['TRUE'], ['FALSE']] },
        ],
      },
    });
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            mergeCells: {
              range: { sheetId: 1, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 3 },
              mergeType: 'MERGE_ALL',
            },
          },
          {
            repeatCell: {
              range: { sheetId: 1, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 3 },
              cell: {
                userEnteredFormat: {
                  backgroundColor: { red: 0.85, green: 0.85, blue: 0.85 },
                  textFormat: { bold: true, italic: true },
                },
              },
              fields: 'userEnteredFormat.backgroundColor,userEnteredFormat.textFormat',
            },
          },
          {
            updateCells: {
              range: { sheetId: 1, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 1, endColumnIndex: 2 },
              rows: [{ values: [{ note: 'Số hội nghị đã tổ chức trong quý "I" <bắt buộc>' }] }],
              fields: 'note',
            },
          },
          {
            setDataValidation: {
              range: { sheetId: 2, startRowIndex: 1, endRowIndex: 3, startColumnIndex: 2, endColumnIndex: 3 },
              rule: { condition: { type: 'BOOLEAN' }, showCustomUi: true },
            },
          },
          {
            updateDimensionProperties: {
              range: { sheetId: 1, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 },
              properties: { pixelSize: 173 },
              fields: 'pixelSize',
            },
          },
          {
            addChart: {
              chart: {
                spec: {
                  title: 'Số tin theo đơn vị',
                  basicChart: {
                    chartType: 'COLUMN',
                    headerCount: 1,
                    domains: [
                      {
                        domain: {
                          sourceRange: {
                            sources: [
                              {
                                sheetId: 2,
                                startRowIndex: 0,
                                endRowIndex: 3,
                                startColumnIndex: 0,
                                endColumnIndex: 1,
                              },
                            ],
                          },
                        },
                      },
                    ],
                    series: [
                      {
                        series: {
                          sourceRange: {
                            sources: [
                              {
                                sheetId: 2,
                                startRowIndex: 0,
                                endRowIndex: 3,
                                startColumnIndex: 1,
                                endColumnIndex: 2,
                              },
                            ],
                          },
                        },
                      },
                    ],
                  },
                },
                position: { overlayPosition: { anchorCell: { sheetId: 2, rowIndex: 4, columnIndex: 0 } } },
              },
            },
          },
        ],
      },
    });
    // An officer types markup into their row through the UI.
    const typed = await fetch(`${h.server.url}/__emulator/spreadsheets/${id}/ui-edit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: OFFICER,
        range: "'Báo cáo'!A4",
        values: [['<script>alert("x")</script>']],
      }),
    });
    expect(typed.status).toBe(200);
    const res = await view();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    html = await res.text();
  });
  afterAll(async () => stopHarness(h));

  it('shows values formatted with the vi_VN locale', () => {
    expect(html).toContain('>1.234,5</td>');
    expect(html).toContain('>15/03/2024</td>');
  });

  it('draws merges, notes, fills, bold and italic, frozen rows and column widths', () => {
    expect(html).toMatch(
      /<td [^>]*colspan="3"[^>]*>KẾT QUẢ THÔNG TIN, TUYÊN TRUYỀN CCHC — QUÝ I\/2024<\/td>/,
    );
    expect(html).toContain('title="Số hội nghị đã tổ chức trong quý &quot;I&quot; &lt;bắt buộc&gt;"');
    expect(html).toMatch(
      /<td style="background-color:#d9d9d9;font-weight:bold;font-style:italic;[^"]*position:sticky;top:41px/,
    );
    expect(html).toContain('<col style="width:173px">');
    // the frozen first column sticks after the row numbers (46 px); the corner cell sticks both ways
    expect(html).toMatch(/<td style="[^"]*position:sticky;left:46px;z-index:1"[^>]*>NV<\/td>/);
    expect(html).toMatch(/<td style="[^"]*position:sticky;top:41px;left:46px;z-index:2"[^>]*>Mã ĐV<\/td>/);
    expect(html).toMatch(/<tr style="height:21px" class="frozen">/);
  });

  it('escapes everything typed into the spreadsheet', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('<title>Kết quả &lt;CCHC&gt; &amp; &quot;Quý I&quot;</title>');
    expect(html).not.toContain('<script>'); // no edit mode: no script at all
  });

  it('cannot be broken out of through a tab title, a note or a font name', async () => {
    const evil = await createSpreadsheet(h.sheets, {
      properties: { title: 'x' },
      sheets: [
        {
          properties: { title: '"><img src=x onerror=alert(1)>' },
          data: [
            {
              rowData: [
                {
                  values: [
                    {
                      userEnteredValue: { stringValue: 'a' },
                      note: '"><script>alert(2)</script>',
                      userEnteredFormat: {
                        textFormat: { fontFamily: 'x;}</style><script>alert(3)</script>' },
                      },
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    const page = h.server.view(evil) ?? '';
    expect(page).not.toMatch(/<img|<script|onerror=alert\(1\)>/);
    expect(page.match(/<\/style>/g)).toHaveLength(1);
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('font-family:&#39;xstylescriptalert3script&#39;, sans-serif');
  });

  it('has a tab bar of the visible tabs and draws the chart as SVG', () => {
    expect(html).toContain('<a href="#sheet-1">Báo cáo</a><a href="#sheet-2">Tổng hợp</a></nav>');
    expect(html).not.toContain('bí mật');
    const svg = /<svg class="chart"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg).toContain('Số tin theo đơn vị');
    expect(svg.match(/<rect x="[^"]+" y="[^"]+" width="[^"]+" height="[^"]+" fill="#4285f4">/g)).toHaveLength(
      2,
    );
    expect(svg).toContain('>Mỹ Hòa</tspan></text>');
    expect(svg).toContain('<title>Tân Kiều: 7</title>');
    expect(html).toMatch(/<td style="[^"]*text-align:center[^"]*">☑<\/td>/);
    expect(html).toMatch(/<td style="[^"]*text-align:center[^"]*">☐<\/td>/);
  });

  it('draws bar and pie charts too', async () => {
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            addChart: {
              chart: {
                spec: {
                  title: 'Thanh ngang',
                  basicChart: {
                    chartType: 'BAR',
                    domains: [{ domain: src(0) }],
                    series: [{ series: src(1) }],
                  },
                },
                position: { overlayPosition: { anchorCell: { sheetId: 2, rowIndex: 20, columnIndex: 0 } } },
              },
            },
          },
          {
            addChart: {
              chart: {
                spec: { title: 'Tỉ lệ', pieChart: { domain: src(0), series: src(1) } },
                position: { overlayPosition: { anchorCell: { sheetId: 2, rowIndex: 40, columnIndex: 0 } } },
              },
            },
          },
        ],
      },
    });
    const page = h.server.view(id) ?? '';
    const svgs = page.match(/<svg class="chart"[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(3);
    const bar = svgs.find((s) => s.includes('Thanh ngang')) ?? '';
    // horizontal bars: same height, widths in the ratio 4 : 7
    const widths = [
      ...bar.matchAll(/<rect x="[^"]+" y="[^"]+" width="([^"]+)" height="[^"]+" fill="#4285f4">/g),
    ].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]! / widths[1]!).toBeCloseTo(4 / 7, 2);
    const pie = svgs.find((s) => s.includes('Tỉ lệ')) ?? '';
    expect(pie.match(/<path d="M/g)).toHaveLength(2);
    expect(pie).toContain('<title>Mỹ Hòa: 4</title>');
  });

  it('draws a chart over the cell it is anchored to, at its offset and size, as Sheets does', async () => {
    await h.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            addChart: {
              chart: {
                spec: {
                  title: 'Neo vào ô C2',
                  basicChart: {
                    chartType: 'COLUMN',
                    legendPosition: 'NO_LEGEND',
                    domains: [{ domain: src(0) }],
                    series: [
                      {
                        series: src(1),
                        styleOverrides: [{ index: 1, colorStyle: { rgbColor: { red: 1, green: 0.5 } } }],
                      },
                    ],
                  },
                },
                position: {
                  overlayPosition: {
                    anchorCell: { sheetId: 2, rowIndex: 1, columnIndex: 2 },
                    offsetXPixels: 12,
                    offsetYPixels: 4,
                    widthPixels: 300,
                    heightPixels: 200,
                  },
                },
              },
            },
          },
        ],
      },
    });
    const page = h.server.view(id, {}) ?? '';
    const tong = page.slice(page.indexOf('id="sheet-2"'));
    const grid = tong.slice(0, tong.indexOf('</table>'));
    expect(grid).toMatch(
      /<td style="position:relative;overflow:visible;[^"]*"[^>]*>[^<]*<div class="overlay" style="left:12px;top:4px;width:300px;height:200px"><svg class="chart"[^>]*aria-label="Neo vào ô C2"/,
    );
    // Its second column has the colour the override gives it, and no legend was asked for.
    const svg = /aria-label="Neo vào ô C2"[\s\S]*?<\/svg>/.exec(grid)?.[0] ?? '';
    expect([...svg.matchAll(/fill="(#[0-9a-f]{6})"><title>/g)].map((m) => m[1])).toEqual([
      '#4285f4',
      '#ff8000',
    ]);
    expect(svg).not.toContain('Chuỗi 1');
    // Charts anchored to no cell of the grid are still drawn, after it.
    expect(tong.slice(tong.indexOf('</table>'))).not.toContain('Neo vào ô C2');
  });

  it('offers an edit-as-officer form that types through ui-edit and comes back to the view', async () => {
    const page = await (await view(`?as=${encodeURIComponent(OFFICER)}`)).text();
    expect(page).toContain(`<input type="hidden" name="email" value="${OFFICER}">`);
    expect(page).toContain(`data-a1="&#39;Báo cáo&#39;!B3"`);
    const res = await fetch(`${h.server.url}/__emulator/spreadsheets/${id}/ui-edit`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: OFFICER, range: "'Báo cáo'!B4", value: '2.140' }).toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/__emulator/spreadsheets/${id}/view?as=${encodeURIComponent(OFFICER)}`,
    );
    const got = await h.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: "'Báo cáo'!B4",
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(got.data.values).toEqual([[2140]]);

    // a refused entry comes back to the view with Google's message shown, escaped
    const refused = await fetch(`${h.server.url}/__emulator/spreadsheets/${id}/ui-edit`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: OFFICER, range: "'Không có'!A1", value: 'x' }).toString(),
      redirect: 'manual',
    });
    expect(refused.status).toBe(303);
    const shown = await (await fetch(`${h.server.url}${refused.headers.get('location') ?? ''}`)).text();
    expect(shown).toMatch(
      /<p class="refused" role="alert">Unable to parse range: &#39;Không có&#39;!A1<\/p>/,
    );
  });

  it('lists the spreadsheets with links to their views and exports', async () => {
    const res = await fetch(`${h.server.url}/__emulator/spreadsheets`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain(
      `<a href="/__emulator/spreadsheets/${id}/view">Kết quả &lt;CCHC&gt; &amp; &quot;Quý I&quot;</a>`,
    );
    expect(page).toContain(`<a href="/__emulator/spreadsheets/${id}.xlsx">.xlsx</a>`);
  });

  it('answers 404 for an unknown spreadsheet', async () => {
    const res = await fetch(`${h.server.url}/__emulator/spreadsheets/khong-co-dau/view`);
    expect(res.status).toBe(404);
    expect(h.server.view('khong-co-dau')).toBeUndefined();
  });
});
