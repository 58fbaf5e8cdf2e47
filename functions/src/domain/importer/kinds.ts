/** The kinds of official document (Decree 30/2020 Appendix III) the importer recognises, with title and abbreviation. */

/** One kind: id, Vietnamese label, symbol abbreviation (null for công văn and laws), name as foldLoose writes it. */
export interface DocumentKindInfo {
  readonly id: string;
  readonly label: string;
  readonly abbreviation: string | null;
  readonly loose: string;
}

/** Every kind, the ones a directive can be first. */
export const DOCUMENT_KINDS = [
  { id: 'cong-van', label: 'Công văn', abbreviation: null, loose: 'cong van' },
  { id: 'ke-hoach', label: 'Kế hoạch', abbreviation: 'KH', loose: 'ke hoach' },
  { id: 'quyet-dinh', label: 'Quyết định', abbreviation: 'QĐ', loose: 'quyet dinh' },
  { id: 'thong-bao', label: 'Thông báo', abbreviation: 'TB', loose: 'thong bao' },
  { id: 'chi-thi', label: 'Chỉ thị', abbreviation: 'CT', loose: 'chi thi' },
  { id: 'huong-dan', label: 'Hướng dẫn', abbreviation: 'HD', loose: 'huong dan' },
  { id: 'chuong-trinh', label: 'Chương trình', abbreviation: 'CTr', loose: 'chuong trinh' },
  { id: 'bao-cao', label: 'Báo cáo', abbreviation: 'BC', loose: 'bao cao' },
  { id: 'nghi-quyet', label: 'Nghị quyết', abbreviation: 'NQ', loose: 'nghi quyet' },
  { id: 'phuong-an', label: 'Phương án', abbreviation: 'PA', loose: 'phuong an' },
  { id: 'de-an', label: 'Đề án', abbreviation: 'ĐA', loose: 'de an' },
  { id: 'quy-che', label: 'Quy chế', abbreviation: 'QC', loose: 'qui che' },
  { id: 'quy-dinh', label: 'Quy định', abbreviation: 'QyĐ', loose: 'qui dinh' },
  { id: 'to-trinh', label: 'Tờ trình', abbreviation: 'TTr', loose: 'to trinh' },
  { id: 'giay-moi', label: 'Giấy mời', abbreviation: 'GM', loose: 'giay moi' },
  { id: 'cong-dien', label: 'Công điện', abbreviation: 'CĐ', loose: 'cong dien' },
  { id: 'nghi-dinh', label: 'Nghị định', abbreviation: 'NĐ', loose: 'nghi dinh' },
  { id: 'thong-tu', label: 'Thông tư', abbreviation: 'TT', loose: 'thong tu' },
  {
    id: 'thong-tu-lien-tich',
    label: 'Thông tư liên tịch',
    abbreviation: 'TTLT',
    loose: 'thong tu lien tich',
  },
  { id: 'luat', label: 'Luật', abbreviation: null, loose: 'luat' },
  { id: 'bo-luat', label: 'Bộ luật', abbreviation: null, loose: 'bo luat' },
  // Only ever cited ("Văn bản số 123/UBND-NV"), never a title.
  { id: 'van-ban', label: 'Văn bản', abbreviation: null, loose: 'van ban' },
] as const satisfies readonly DocumentKindInfo[];

/** A kind id. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]['id'];

/** The kind ids, for zod. */
export const DOCUMENT_KIND_IDS = DOCUMENT_KINDS.map((k) => k.id) as [DocumentKind, ...DocumentKind[]];

/** The kind whose name is exactly `loose` (a loose-folded title such as "ke hoach"). */
export function kindByName(loose: string): (typeof DOCUMENT_KINDS)[number] | undefined {
  return DOCUMENT_KINDS.find((k) => k.loose === loose);
}

/** The kind whose abbreviation opens a symbol ("KH-UBND" → kế hoạch); công văn symbols open with the issuer. */
export function kindBySymbol(symbol: string): (typeof DOCUMENT_KINDS)[number] | undefined {
  const first = symbol.split('-')[0] ?? '';
  return DOCUMENT_KINDS.find((k) => k.abbreviation !== null && k.abbreviation === first);
}

/** The label of a kind id. */
export function kindLabel(id: DocumentKind): string {
  return DOCUMENT_KINDS.find((k) => k.id === id)?.label ?? id;
}

/** Loose-folded names of every kind, longest first, for building patterns. */
export const KIND_NAMES_LONGEST_FIRST = DOCUMENT_KINDS.map((k) => k.loose).sort(
  (a, b) => b.length - a.length,
);
