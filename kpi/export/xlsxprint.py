"""Print setup of the workbook's sheets: each prints at 9 pt or more, on the smallest paper that holds it.

A sheet whose columns fit A4 portrait, A4 landscape or A3 landscape at 100% prints on that paper unscaled; one a little
wider than A3 is scaled down no further than MIN_SCALE; a wider one (the data sheet) prints at 100% across pages with
its key columns repeated on each, never shrunk to one page's width. Every page has the plan's name and the sheet in its
header, and the plan's name and the page number in its footer.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

A3 = 8  # xlsxwriter's paper index for A3
A4 = 9

# Column-width units that fit the printable width of A4 portrait, A4 landscape and A3 landscape at 100% (a unit is
# about 7.4 pt in LibreOffice's substitute for Yu Gothic, 5.3 pt in Excel's Calibri). MIN_SCALE: 10 pt prints at 9.2 pt.
PAPERS = ((A4, False, 72.0), (A4, True, 105.0), (A3, True, 150.0))
MIN_SCALE = 92


def room_for(total: float) -> float:
    """The printable width (in column units) of the smallest paper that holds ``total`` units at 100%."""
    return next((room for _, _, room in PAPERS if total <= room), PAPERS[-1][2])


def fill(widths: list[float], wanted: list[float]) -> list[float]:
    """``widths`` widened towards ``wanted`` (the uncapped widths) while the paper they print on has room to spare:
    long texts wrap onto fewer lines, so the sheet takes fewer pages."""
    room = room_for(sum(widths))
    short = [max(w - have, 0.0) for have, w in zip(widths, wanted, strict=True)]
    spare, need = room - sum(widths), sum(short)
    if spare <= 0 or need <= 0:
        return widths
    share = min(spare / need, 1.0)
    return [have + math.floor(more * share) for have, more in zip(widths, short, strict=True)]


def print_setup(sheet: Worksheet, header_row: int, title: str, plan: str, widths: list[float], keys: int = 1) -> None:
    total = sum(widths)
    paper, landscape, room = next(p for p in PAPERS if p[2] == room_for(total))
    sheet.set_paper(paper)
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    if total > room:
        scale = math.floor(room * 100 / total)
        if scale >= MIN_SCALE:
            sheet.set_print_scale(scale)
        else:  # too wide to shrink legibly: across pages at 100%, the key columns on every page
            sheet.repeat_columns(0, keys - 1)
            sheet.print_across()
    sheet.repeat_rows(header_row)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.set_header(f"&L{header_text(f'{plan} {title}')}&R&D")
    sheet.set_footer(f"&L{header_text(plan)}&C&P / &N")


def header_text(text: str) -> str:
    # '&' starts a code in Excel headers; a lone one must be doubled. Headers hold at most 255 characters.
    return text.replace("&", "&&")[:200]
