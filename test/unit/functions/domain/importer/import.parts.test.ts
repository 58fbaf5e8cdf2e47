// The importer's parts on their own: casing, numbers and symbols, dates, deadlines, unit resolution,
// references, the lead of a task and paragraph mending.
import { describe, expect, it } from 'vitest';
import { findCooperating, findLead } from '@theodoi/functions/domain/importer/assignments';
import { personName, properCase } from '@theodoi/functions/domain/importer/casing';
import { findDeadlines } from '@theodoi/functions/domain/importer/deadlines';
import { readIssuer, readPlaceDate } from '@theodoi/functions/domain/importer/header';
import { DOCUMENT_KINDS } from '@theodoi/functions/domain/importer/kinds';
import { parseNumberSymbol } from '@theodoi/functions/domain/importer/numbers';
import { paragraphs } from '@theodoi/functions/domain/importer/paragraphs';
import { findReferences } from '@theodoi/functions/domain/importer/references';
import { foldLoose, normaliseLines } from '@theodoi/functions/domain/importer/text';
import { resolveList } from '@theodoi/functions/domain/importer/scan';
import { buildUnitIndex, sameName } from '@theodoi/functions/domain/importer/units';
import { thapMuoi } from '../../../../support/importer-helpers.js';

const index = buildUnitIndex(thapMuoi);

describe('properCase', () => {
  const cases: [string, string][] = [
    ['ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI', 'Ủy ban nhân dân huyện Tháp Mười'],
    ['UBND TỈNH ĐỒNG THÁP', 'UBND tỉnh Đồng Tháp'],
    ['SỞ NỘI VỤ', 'Sở Nội vụ'],
    ['BỘ NỘI VỤ', 'Bộ Nội vụ'],
    ['VĂN PHÒNG HĐND VÀ UBND HUYỆN', 'Văn phòng HĐND và UBND huyện'],
    ['PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', 'Phòng Lao động - Thương binh và Xã hội'],
    ['THANH TRA HUYỆN', 'Thanh tra huyện'],
    ['PHÓ CHỦ TỊCH', 'Phó Chủ tịch'],
    ['CHÁNH VĂN PHÒNG', 'Chánh Văn phòng'],
    ['Phòng Nội vụ', 'Phòng Nội vụ'],
  ];
  cases.forEach(([upper, expected]) =>
    it(`${upper} → ${expected}`, () => expect(properCase(upper)).toBe(expected)),
  );

  it('writes an upper-case name in title case and leaves a typed name alone', () => {
    expect(personName('ĐOÀN THANH BÌNH')).toBe('Đoàn Thanh Bình');
    expect(personName('Đoàn Thanh Bình')).toBe('Đoàn Thanh Bình');
  });
});

describe('readIssuer', () => {
  const cases: { lines: string[]; name: string | null; parent: string | null }[] = [
    { lines: ['ỦY BAN NHÂN DÂN', 'HUYỆN THÁP MƯỜI'], name: 'Ủy ban nhân dân huyện Tháp Mười', parent: null },
    { lines: ['UBND TỈNH ĐỒNG THÁP', 'SỞ NỘI VỤ'], name: 'Sở Nội vụ', parent: 'UBND tỉnh Đồng Tháp' },
    {
      lines: ['ỦY BAN NHÂN DÂN', 'TỈNH ĐỒNG THÁP', 'SỞ NỘI VỤ'],
      name: 'Sở Nội vụ',
      parent: 'Ủy ban nhân dân tỉnh Đồng Tháp',
    },
    { lines: ['UBND HUYỆN THÁP MƯỜI', 'PHÒNG NỘI VỤ'], name: 'Phòng Nội vụ', parent: 'UBND huyện Tháp Mười' },
    { lines: ['BỘ NỘI VỤ'], name: 'Bộ Nội vụ', parent: null },
    { lines: [], name: null, parent: null },
  ];
  cases.forEach((tc) =>
    it(tc.lines.join(' / ') || '(no header)', () =>
      expect(readIssuer(tc.lines)).toEqual({ name: tc.name, parent: tc.parent }),
    ),
  );
});

describe('parseNumberSymbol', () => {
  const cases: [string, ReturnType<typeof parseNumberSymbol>][] = [
    ['06/UBND-HCC', { raw: '06/UBND-HCC', number: 6, year: null, symbol: 'UBND-HCC' }],
    ['/UBND-NV', { raw: '/UBND-NV', number: null, year: null, symbol: 'UBND-NV' }],
    ['…/UBND-NV', { raw: '…/UBND-NV', number: null, year: null, symbol: 'UBND-NV' }],
    ['09/2019/NĐ-CP', { raw: '09/2019/NĐ-CP', number: 9, year: 2019, symbol: 'NĐ-CP' }],
    ['9327/KH-UBND.', { raw: '9327/KH-UBND', number: 9327, year: null, symbol: 'KH-UBND' }],
    ['17/CT-TTg', { raw: '17/CT-TTg', number: 17, year: null, symbol: 'CT-TTg' }],
    ['tháng', null],
  ];
  cases.forEach(([token, expected]) => it(token, () => expect(parseNumberSymbol(token)).toEqual(expected)));
});

describe('readPlaceDate', () => {
  it('reads the place and every part of a full date', () => {
    expect(readPlaceDate('Tháp Mười, ngày 05 tháng 02 năm 2024')).toEqual({
      place: 'Tháp Mười',
      date: { year: 2024, month: 2, day: 5, raw: 'ngày 05 tháng 02 năm 2024' },
      possible: true,
    });
  });
  it('reads a date line without a place', () => {
    expect(readPlaceDate('ngày 05 tháng 02 năm 2024').place).toBeNull();
  });
});

describe('findDeadlines', () => {
  const cases: { text: string; cell?: boolean; expected: string[] }[] = [
    { text: 'hoàn thành trước ngày 30/9/2025.', expected: ['by-date 2025-9-30'] },
    { text: 'báo cáo chậm nhất ngày 15 tháng 12 năm 2024', expected: ['by-date 2024-12-15'] },
    { text: 'trước ngày 15/12 hằng năm', expected: ['by-date _-12-15', 'periodic year'] },
    { text: 'hoàn thành trong tháng 3/2024', expected: ['within-month 2024-3-_'] },
    { text: 'thực hiện trong quý II năm 2024', expected: ['within-quarter 2/2024'] },
    { text: 'báo cáo định kỳ hằng quý, 6 tháng', expected: ['periodic quarter', 'periodic half-year'] },
    { text: 'thực hiện thường xuyên, liên tục', expected: ['continuous'] },
    { text: 'trong năm 2024', expected: ['within-year 2024-_-_'] },
    { text: 'Quý III/2024', cell: true, expected: ['within-quarter 3/2024'] },
    { text: '30/6/2024', cell: true, expected: ['on-date 2024-6-30'] },
    { text: 'Tháng 10/2024', cell: true, expected: ['within-month 2024-10-_'] },
    { text: 'Năm 2024', cell: true, expected: ['within-year 2024-_-_'] },
    { text: 'theo Kế hoạch số 9327/KH-UBND ngày 29/12/2023 về cải cách hành chính năm 2024', expected: [] },
  ];
  cases.forEach((tc) =>
    it(tc.text, () => {
      const got = findDeadlines(tc.text, tc.cell).map((d) => {
        if (d.kind === 'periodic') return `periodic ${d.every ?? '_'}`;
        if (d.kind === 'continuous') return 'continuous';
        if (d.kind === 'within-quarter') return `within-quarter ${d.quarter ?? '_'}/${d.date?.year ?? '_'}`;
        const p = (n: number | null | undefined): string => (n == null ? '_' : String(n));
        return `${d.kind} ${p(d.date?.year)}-${p(d.date?.month)}-${p(d.date?.day)}`;
      });
      expect(got).toEqual(tc.expected);
    }),
  );
});

describe('resolving names against the organisation', () => {
  const cases: {
    text: string;
    units?: string[];
    groups?: string[];
    unresolved?: string[];
    unspecified?: string[];
  }[] = [
    { text: 'Phòng Nội vụ huyện', units: ['NV'] },
    { text: 'UBND xã Mỹ Quí', units: ['30055'] },
    { text: 'Ủy ban nhân dân xã Mỹ Quý', units: ['30055'] },
    { text: 'ubnd xã mỹ hoà', units: ['30052'] },
    { text: 'UBND thị trấn Mỹ An; UBND xã Mỹ An', units: ['30037', '30064'] },
    { text: 'Phòng TN&MT, Phòng Tài chính – Kế hoạch', units: ['TNMT', 'TCKH'] },
    { text: 'Phòng Văn hóa và Thông tin và Phòng Giáo dục và Đào tạo', units: ['VHTT', 'GDDT'] },
    { text: 'Phòng Văn hóa - Thông tin huyện; Phòng Giáo dục Đào tạo', units: ['VHTT', 'GDDT'] },
    { text: 'Đồng chí Chủ tịch UBND xã Thanh Mỹ', units: ['30073'] },
    { text: 'Các phòng, ban chuyên môn thuộc UBND huyện', groups: ['ban-nganh'] },
    { text: 'Ủy ban nhân dân các xã, thị trấn', groups: ['xa-thi-tran'] },
    { text: 'Các ban, ngành thuộc UBND huyện', groups: ['ban-nganh'] },
    { text: 'Thủ trưởng các ban, ngành huyện', groups: ['ban-nganh'] },
    { text: 'Chánh Văn phòng HĐND và UBND huyện', units: ['VP'] },
    { text: 'các cơ quan, đơn vị có liên quan', unspecified: ['các cơ quan, đơn vị có liên quan'] },
    { text: 'Công an huyện', unresolved: ['Công an huyện'] },
    {
      text: 'Trung tâm Văn hóa - Thể thao và Truyền thanh huyện',
      unresolved: ['Trung tâm Văn hóa - Thể thao và Truyền thanh huyện'],
    },
    { text: 'Ủy ban nhân dân xã Mỹ Quý'.normalize('NFD'), units: ['30055'] },
  ];
  cases.forEach((tc) =>
    it(tc.text.normalize('NFC'), () => {
      const parties = resolveList(index, normaliseLines(tc.text).join('\n'));
      expect(parties).toMatchObject({
        units: tc.units ?? [],
        groups: tc.groups ?? [],
        unresolved: tc.unresolved ?? [],
        unspecified: tc.unspecified ?? [],
      });
    }),
  );

  it('tells the same name written with UBND, other cases or tone placements, and not another one', () => {
    expect(sameName('UBND HUYỆN THÁP MƯỜI', 'Ủy ban nhân dân huyện Tháp Mười')).toBe(true);
    expect(sameName('Uỷ ban nhân dân xã Mỹ Quí', 'UBND xã Mỹ Quý')).toBe(true);
    expect(sameName('Ủy ban nhân dân huyện Tháp Mười', 'Ủy ban nhân dân tỉnh Đồng Tháp')).toBe(false);
  });

  it('folds "Mỹ Quý" and "Mỹ Quí", "hoà" and "hòa" to one spelling', () => {
    expect(foldLoose('Mỹ Quý')).toBe(foldLoose('Mỹ Quí'));
    expect(foldLoose('Mỹ Hoà')).toBe(foldLoose('Mỹ Hòa'));
    expect(foldLoose('Mỹ Quý')).toHaveLength('Mỹ Quý'.length);
  });
});

describe('findLead and findCooperating', () => {
  const cases: { text: string; lead: string[]; cooperating?: string[] }[] = [
    {
      text: 'Giao Phòng Nội vụ huyện chủ trì, phối hợp với Phòng Tư pháp thực hiện.',
      lead: ['NV'],
      cooperating: ['TP'],
    },
    { text: 'Phòng Y tế có trách nhiệm hướng dẫn các xã.', lead: ['YT'] },
    {
      text: 'Tổ chức hội nghị; Phòng Tư pháp chủ trì, phối hợp cùng Thanh tra huyện.',
      lead: ['TP'],
      cooperating: ['TTR'],
    },
    { text: 'Phòng Nội vụ:\n- Tham mưu Ủy ban nhân dân huyện.', lead: ['NV'] },
    {
      text: 'Đơn vị chủ trì: Phòng Kinh tế và Hạ tầng; đơn vị phối hợp: UBND xã Láng Biển.',
      lead: ['KTHT'],
      cooperating: ['30070'],
    },
    { text: 'Tăng cường công tác tuyên truyền về cải cách hành chính.', lead: [] },
    {
      text: 'Phòng Giáo dục và Đào tạo chủ trì, phối hợp với Phòng Y tế; Phòng Tư pháp cũng tham gia.',
      lead: ['GDDT'],
      cooperating: ['YT'],
    },
  ];
  cases.forEach((tc) =>
    it(tc.text.replace(/\n/g, ' / '), () => {
      expect(findLead(index, tc.text).units).toEqual(tc.lead);
      expect(findCooperating(index, tc.text).units).toEqual(tc.cooperating ?? []);
    }),
  );
});

describe('findReferences', () => {
  it('reads a legal normative document with its year, and laws and codes cited by name wherever they are dated', () => {
    const refs = findReferences(
      'Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;\n' +
        'Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định về chế độ báo cáo;\n' +
        'Căn cứ Luật Tổ chức chính quyền địa phương;\n' +
        'Thực hiện tốt Luật Thi đua khen thưởng ngày 15 tháng 6 năm 2022, Bộ luật Lao động năm 2019 và Công văn này./.\n' +
        'Các văn bản pháp luật hiện hành.',
    );
    expect(refs.map((r) => [r.kind, r.numberSymbol?.raw ?? r.title, r.issuer, r.date])).toEqual([
      ['luat', 'Ban hành văn bản quy phạm pháp luật', null, { year: 2015, month: 6, day: 22 }],
      ['nghi-dinh', '09/2019/NĐ-CP', 'Chính phủ', { year: 2019, month: 1, day: 24 }],
      ['luat', 'Tổ chức chính quyền địa phương', null, null],
      ['luat', 'Thi đua khen thưởng', null, { year: 2022, month: 6, day: 15 }],
      ['bo-luat', 'Lao động', null, { year: 2019, month: null, day: null }],
    ]);
    expect(refs[1]?.numberSymbol).toEqual({ raw: '09/2019/NĐ-CP', number: 9, year: 2019, symbol: 'NĐ-CP' });
  });

  it('counts each document once, reads kinds broken over lines, qualified kinds and party numbers', () => {
    const refs = findReferences(
      'Thực hiện Chỉ\nthị số 8008/CT-TCTL ngày 25/10/2019 của Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn về việc tăng cường;\n' +
        'Theo đề nghị của Sở Nội vụ tại Tờ trình số 1494/TTr-SNV ngày 28 tháng 6 năm 2018 và Báo cáo thẩm định số 18/BCTĐ-STP ngày 25 tháng 5 năm 2018 của Sở Tư pháp.\n' +
        'Nghị quyết số 05-NQ/TU ngày 17 tháng 6 năm 2021 của Ban Chấp hành Đảng bộ tỉnh; thực hiện Chỉ thị 8008/CT-TCTL của Bộ Lao động, Thương binh và Xã hội.',
    );
    expect(refs.map((r) => [r.kind, r.numberSymbol?.raw, r.issuer])).toEqual([
      ['chi-thi', '8008/CT-TCTL', 'Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn'],
      ['to-trinh', '1494/TTr-SNV', 'Sở Nội vụ'],
      ['bao-cao', '18/BCTĐ-STP', 'Sở Tư pháp'],
      ['nghi-quyet', '05-NQ/TU', 'Ban Chấp hành Đảng bộ tỉnh'],
    ]);
    expect(refs[3]?.numberSymbol).toEqual({ raw: '05-NQ/TU', number: 5, year: null, symbol: 'NQ/TU' });
  });

  const cited: [string, string, string, string | null][] = [
    [
      'Chỉ thị số 17/CT-TTg ngày 03/6/2023 của Thủ tướng Chính phủ về việc',
      'chi-thi',
      '17/CT-TTg',
      'Thủ tướng Chính phủ',
    ],
    ['Văn bản số 123/UBND-NV ngày 05/3/2024 của UBND huyện;', 'van-ban', '123/UBND-NV', 'UBND huyện'],
    [
      'Thông tư liên tịch số 01/2015/TTLT-BNV-BTC của Bộ Nội vụ và Bộ Tài chính',
      'thong-tu-lien-tich',
      '01/2015/TTLT-BNV-BTC',
      'Bộ Nội vụ và Bộ Tài chính',
    ],
    ['Hướng dẫn 12/HD-SNV ngày 1-2-2024 của Sở Nội vụ.', 'huong-dan', '12/HD-SNV', 'Sở Nội vụ'],
  ];
  cited.forEach(([text, kind, number, issuer]) =>
    it(text, () => {
      const [ref] = findReferences(text);
      expect([ref?.kind, ref?.numberSymbol?.raw, ref?.issuer]).toEqual([kind, number, issuer]);
    }),
  );

  it('counts a document cited twice once', () => {
    const refs = findReferences(
      'Thực hiện Kế hoạch số 9327/KH-UBND ngày 29/12/2023; theo Kế hoạch số 9327/KH-UBND của Ủy ban nhân dân huyện.',
    );
    expect(refs).toHaveLength(1);
    expect(refs[0]?.date).toEqual({ year: 2023, month: 12, day: 29 });
    expect(refs[0]?.issuer).toBe('Ủy ban nhân dân huyện');
  });
});

describe('paragraphs', () => {
  it('joins a sentence broken over lines and blank lines, mends a hyphenated word, keeps numbered items apart', () => {
    const got = paragraphs([
      '1. Phòng Nội vụ huyện chủ trì theo dõi tình hình thực hiện tại các',
      '',
      'xã, thị trấn và tổng hợp báo cáo, đề xuất giải pháp nâng cao hiệu quả doanh nghi-',
      'ệp.',
      '2. Phòng Tư pháp thực hiện.',
    ]);
    expect(got.map((p) => [p.marker?.label ?? null, p.text])).toEqual([
      [
        '1',
        'Phòng Nội vụ huyện chủ trì theo dõi tình hình thực hiện tại các xã, thị trấn và tổng hợp báo cáo, đề xuất giải pháp nâng cao hiệu quả doanh nghiệp.',
      ],
      ['2', 'Phòng Tư pháp thực hiện.'],
    ]);
  });
});

describe('document kinds', () => {
  it('spell every kind name the way foldLoose folds its label ("Quy chế" → "qui che")', () => {
    for (const kind of DOCUMENT_KINDS) expect(kind.loose).toBe(foldLoose(kind.label));
  });
});
