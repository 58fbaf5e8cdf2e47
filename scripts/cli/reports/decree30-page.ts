/** The pages of Decree 30/2020 documents: the font, A4 portrait for a report's body, A4 landscape for its annexes. */
import { PageOrientation } from 'docx';

/** Decree 30/2020 (Phụ lục I): Times New Roman throughout. */
export const REPORT_FONT = 'Times New Roman';

/** Millimetres in twips (docx's unit: 1/1440 inch). */
export const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

/** Decree 30's margins: top and bottom 20 mm, left 30 mm, right 15 mm. */
const MARGIN = { top: twips(20), bottom: twips(20), left: twips(30), right: twips(15) } as const;

/** A4 portrait in twips, with Decree 30's margins: the body of a report. */
export const REPORT_PAGE = { width: twips(210), height: twips(297), margin: MARGIN } as const;
/** The width the body's text and tables may take. */
export const REPORT_TEXT_WIDTH = REPORT_PAGE.width - MARGIN.left - MARGIN.right;

/** A4 landscape with Decree 30's margins: an annex (Phụ lục) holding a wide table. */
export const ANNEX_PAGE = { width: twips(297), height: twips(210), margin: MARGIN } as const;
/** A docx section's page properties for an annex: A4 turned landscape, Decree 30's margins. */
export const ANNEX_SECTION_PAGE = {
  page: {
    size: { width: ANNEX_PAGE.height, height: ANNEX_PAGE.width, orientation: PageOrientation.LANDSCAPE },
    margin: ANNEX_PAGE.margin,
  },
};
/** The width an annex's table may take: the page between its margins. */
export const ANNEX_TEXT_WIDTH = ANNEX_PAGE.width - MARGIN.left - MARGIN.right;
