/** Who leads a task and who co-operates, from its words: "Giao … chủ trì", "… có trách nhiệm", "phối hợp với …". */
import type { Parties } from './draft.js';
import { folded, type FoldedText, squash } from './text.js';
import { noParties, resolveList, scanActors, toParties } from './scan.js';
import type { Actor, UnitIndex } from './units.js';

const LEAD_LABEL = /(?:don vi|co quan)\s+(?:chu tri|thuc hien)\s*:\s*/g;
const COOPERATING_LABEL = /(?:don vi|co quan)\s+phoi hop\s*:\s*/g;
// On the lower-case fold: "giao" (assign), not "giáo" (Giáo dục).
const GIAO = /(?<![\p{L}\p{N}])giao(?:\s+cho)?\s+/gu;
const LEAD_KEYWORD =
  /(?<![a-z])(?:chu tri|co trach nhiem|chiu trach nhiem|la co quan (?:thuong truc|dau moi|chu tri)|lam dau moi|lam co quan thuong truc)(?![a-z])/g;
const PHOI_HOP = /(?<![a-z])phoi hop(?:\s+chat che)?(?:\s+(?:voi|cung))?\s+/g;
const WINDOW = 240;

function known(actors: readonly Actor[]): boolean {
  return actors.length > 0 && actors.every((a) => a.kind !== 'unknown');
}

function parties(ft: FoldedText, actors: readonly Actor[]): Parties {
  const first = actors[0];
  const last = actors.at(-1);
  return toParties(actors, first && last ? squash(ft.text.slice(first.start, last.end)) : null);
}

function afterLabel(index: UnitIndex, ft: FoldedText, label: RegExp): Actor[] {
  label.lastIndex = 0;
  const m = label.exec(ft.loose);
  if (!m) return [];
  return scanActors(index, ft, m.index + m[0].length, { strict: false, stopAtVerbs: false }).actors;
}

/** "Phòng Nội vụ: - Chủ trì …": the heading before the first colon names the lead when it is only units. */
function headBeforeColon(index: UnitIndex, ft: FoldedText): Actor[] {
  const colon = ft.text.indexOf(':');
  if (colon < 0 || colon > 160) return [];
  const scan = scanActors(index, ft, 0, { strict: true, stopAtVerbs: false, end: colon });
  return known(scan.actors) && ft.text.slice(scan.end, colon).trim() === '' ? scan.actors : [];
}

/** "Giao Phòng Nội vụ huyện chủ trì, …" */
function afterGiao(index: UnitIndex, ft: FoldedText): Actor[] {
  GIAO.lastIndex = 0;
  for (let m = GIAO.exec(ft.lower); m !== null; m = GIAO.exec(ft.lower)) {
    const scan = scanActors(index, ft, m.index + m[0].length, { strict: false, stopAtVerbs: true });
    if (scan.actors.some((a) => a.kind !== 'unknown')) return scan.actors;
  }
  return [];
}

/** "… Phòng Văn hóa và Thông tin chủ trì", "UBND các xã, thị trấn có trách nhiệm …", anywhere in the text. */
function beforeKeyword(index: UnitIndex, ft: FoldedText): Actor[] {
  LEAD_KEYWORD.lastIndex = 0;
  for (let m = LEAD_KEYWORD.exec(ft.loose); m !== null; m = LEAD_KEYWORD.exec(ft.loose)) {
    const at = m.index;
    for (let s = Math.max(0, at - WINDOW); s < at; s += 1) {
      if (s > 0 && /[\p{L}\p{N}]/u.test(ft.text.charAt(s - 1))) continue;
      if (!/[\p{L}]/u.test(ft.text.charAt(s))) continue;
      const scan = scanActors(index, ft, s, { strict: true, stopAtVerbs: false, end: at });
      if (known(scan.actors) && ft.text.slice(scan.end, at).trim() === '') return scan.actors;
    }
  }
  return [];
}

/** The text opens with the units that are to act: "Thủ trưởng các ban, ngành huyện, Chủ tịch UBND các xã, thị trấn tăng cường …". */
function subjectAtStart(index: UnitIndex, ft: FoldedText): Actor[] {
  const scan = scanActors(index, ft, 0, { strict: true, stopAtVerbs: false });
  return known(scan.actors) ? scan.actors : [];
}

/** Finds the lead of a task; `cell` is the "Đơn vị chủ trì" cell of a table row, when there is one. */
export function findLead(index: UnitIndex, text: string, cell?: string): Parties {
  if (cell !== undefined) return resolveList(index, cell);
  const ft = folded(text);
  for (const find of [
    (): Actor[] => afterLabel(index, ft, LEAD_LABEL),
    (): Actor[] => headBeforeColon(index, ft),
    (): Actor[] => subjectAtStart(index, ft),
    (): Actor[] => afterGiao(index, ft),
    (): Actor[] => beforeKeyword(index, ft),
  ]) {
    const actors = find();
    if (actors.length > 0) return parties(ft, actors);
  }
  return noParties();
}

/** Finds the co-operating units of a task ("phối hợp với …", "Đơn vị phối hợp: …", or the table cell). */
export function findCooperating(index: UnitIndex, text: string, cell?: string): Parties {
  if (cell !== undefined) return resolveList(index, cell);
  const ft = folded(text);
  const labelled = afterLabel(index, ft, COOPERATING_LABEL);
  if (labelled.length > 0) return parties(ft, labelled);
  const all: Actor[] = [];
  PHOI_HOP.lastIndex = 0;
  for (let m = PHOI_HOP.exec(ft.loose); m !== null; m = PHOI_HOP.exec(ft.loose)) {
    all.push(...scanActors(index, ft, m.index + m[0].length, { strict: false, stopAtVerbs: true }).actors);
  }
  if (all.length === 0) return noParties();
  const merged = toParties(all, null);
  return { ...merged, raw: all.map((a) => a.text).join('; ') };
}
