// htmlToText: mammoth's HTML of a .docx back to the lines the importer reads, Word numbering and tables kept.
import { describe, expect, it } from 'vitest';
import { htmlToText } from '@theodoi/functions/domain/importer/html-text';

describe('htmlToText', () => {
  const cases: { name: string; html: string; text: string }[] = [
    {
      name: 'paragraphs and headings, one line each, entities decoded',
      html: '<h1>KẾ HOẠCH</h1><p>Phòng TN&amp;MT &lt;chủ trì&gt;</p><p></p><p>a<br />b</p>',
      text: 'KẾ HOẠCH\nPhòng TN&MT <chủ trì>\na\nb',
    },
    {
      name: 'a numbered list with a lettered sub-list, and bullets',
      html: '<ol><li>Một<ol><li>con</li><li>con nữa</li></ol></li><li><p>Hai</p><p>tiếp</p></li></ol><ul><li>gạch</li></ul>',
      text: '1. Một\na) con\nb) con nữa\n2. Hai\ntiếp\n- gạch',
    },
    {
      name: 'numbers run on across a paragraph between items, and restart after a section heading',
      html: '<ol><li>Một</li></ol><p>- ý</p><ol><li>Hai</li></ol><p>II. NỘI DUNG</p><ol><li>Lại một</li></ol>',
      text: '1. Một\n- ý\n2. Hai\nII. NỘI DUNG\n1. Lại một',
    },
    {
      name: 'a data table, row by row, a cell of two paragraphs on one line',
      html:
        '<table><tr><th>STT</th><th>Nội dung</th><th>Thời gian</th></tr>' +
        '<tr><td><p>1</p></td><td><p>Làm A</p><p>và B | C</p></td><td><p>Quý II</p></td></tr></table>',
      text: '| STT | Nội dung | Thời gian |\n| 1 | Làm A và B / C | Quý II |',
    },
    {
      name: 'a two-column layout table (issuer | Quốc hiệu), cell by cell, a line per paragraph',
      html:
        '<table><tr><td><p>ỦY BAN NHÂN DÂN</p><p>HUYỆN THÁP MƯỜI</p></td>' +
        '<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p></td></tr>' +
        '<tr><td><p>Số: /UBND-NV</p></td><td><p>Tháp Mười, ngày tháng 02 năm 2024</p></td></tr></table>',
      text:
        'ỦY BAN NHÂN DÂN\nHUYỆN THÁP MƯỜI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n' +
        'Số: /UBND-NV\nTháp Mười, ngày tháng 02 năm 2024',
    },
  ];
  cases.forEach((tc) => it(tc.name, () => expect(htmlToText(tc.html)).toBe(tc.text)));
});
