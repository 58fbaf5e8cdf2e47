/** The demo's quarter on the Tháp Mười directive: who types what, when (Vietnam time), and who never reports. */

/** One officer's edit of their own row: cells by column key, as typed. */
export interface DemoEdit {
  /** ISO instant, Vietnam time written with +07:00. */
  at: string;
  unitCode: string;
  cells: Record<string, string>;
  /** What the edit is about, for the progress lines. */
  note: string;
}

/** A complete, valid report as a unit would type it (vi_VN: "1.500.000" is one and a half million). */
export function fullReport(seed: number): Record<string, string> {
  const n = (base: number) => String(base + (seed % 7));
  return {
    so_van_ban: n(1),
    van_ban_ban_hanh: `Kế hoạch số ${10 + seed}/KH-UBND ngày 20/02/2024 về tuyên truyền CCHC năm 2024`,
    so_hoi_nghi: n(2),
    luot_tham_du_hoi_nghi: String(60 + seed * 9),
    so_tin_bai: n(3),
    so_tin_truyen_thanh: n(2),
    so_tuyen_truyen_truc_quan: n(1),
    so_bai_mang_xa_hoi: n(5),
    so_to_roi: String(100 + seed * 10),
    so_cuoc_thi_tap_huan: '0',
    so_mo_hinh_sang_kien: '0',
    kinh_phi: `${1 + (seed % 4)}.500.000`,
    uu_diem: 'Tuyên truyền kịp thời, đa dạng hình thức; lồng ghép trong các cuộc họp của đơn vị.',
    nguoi_bao_cao: `Cán bộ đầu mối ${seed}`,
    dien_thoai: `0277 38${String(10 + seed).padStart(2, '0')} ${String(100 + seed * 3).padStart(3, '0')}`,
  };
}

/** Units that make a typical mistake first and fix it the next working day. */
const MISTAKES: Record<string, { wrong: Record<string, string>; note: string }> = {
  '30049': { wrong: { so_hoi_nghi: '5 buổi' }, note: 'ghi "5 buổi" vào cột số hội nghị' },
  TNMT: { wrong: { dien_thoai: '123' }, note: 'số điện thoại thiếu chữ số' },
  '30064': { wrong: { kinh_phi: '1tr5' }, note: 'ghi kinh phí là "1tr5"' },
};
/** Working days of March 2024 before the deadline week. */
const WORKING_DAYS = ['04', '05', '06', '07', '08', '11', '12', '13', '14', '15'];
/** Units that report after the deadline (18/03/2024). */
const LATE: Record<string, string> = {
  '30070': '2024-03-19T15:20:00+07:00',
  LDTBXH: '2024-03-21T08:45:00+07:00',
};
/** Units that never report this quarter. */
export const NEVER = ['30061', 'YT', '30073'];

/** Every edit of the quarter, in time order. */
export function demoEdits(unitCodes: readonly string[]): DemoEdit[] {
  const edits: DemoEdit[] = [];
  const onTime = unitCodes.filter((c) => !NEVER.includes(c) && !(c in LATE));
  onTime.forEach((code, i) => {
    // Spread over the working days 04/03–15/03, mornings and afternoons.
    const slot = Math.floor((i * WORKING_DAYS.length) / onTime.length);
    const day = WORKING_DAYS[slot]!;
    const at = `2024-03-${day}T${i % 2 ? '14' : '09'}:${String(10 + i).padStart(2, '0')}:00+07:00`;
    const mistake = MISTAKES[code];
    if (mistake) {
      edits.push({ at, unitCode: code, cells: { ...fullReport(i), ...mistake.wrong }, note: mistake.note });
      const fixDay = WORKING_DAYS[slot + 1] ?? '18';
      edits.push({
        at: `2024-03-${fixDay}T10:00:00+07:00`,
        unitCode: code,
        cells: fullReport(i),
        note: 'sửa lỗi',
      });
    } else {
      edits.push({ at, unitCode: code, cells: fullReport(i), note: 'nhập đủ số liệu' });
    }
  });
  Object.entries(LATE).forEach(([code, at], i) =>
    edits.push({ at, unitCode: code, cells: fullReport(30 + i), note: 'báo cáo sau hạn' }),
  );
  return edits.sort((a, b) => a.at.localeCompare(b.at));
}
