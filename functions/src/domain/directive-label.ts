/** How people name a directive in a header or a list: its number and the day it was issued, never theodoi's id. */
import { dashboard as msg } from '../messages.vi.js';
import type { IsoDate } from './calendar/iso-date.js';
import { formatViDate } from './values/display.js';

/** "06/UBND-NV ngày 05/02/2024"; "(chưa có số) ngày 05/02/2024" before it is numbered. */
export function directiveLabel(d: { number: string | null; date: IsoDate | null }): string {
  return msg.directiveLabel(d.number ?? msg.noNumber, d.date ? formatViDate(d.date) : null);
}
