"""`kpi export`: the yearly evaluation table in xlsx, csv, md, html, json or the RS outcome layout.

``export()`` is the one entry point: it judges the plan (``kpi.judge.report.build_report``), lays out the
shared evaluation table (``kpi.export.table``), renders it in the chosen format and writes the file
atomically (a temporary file beside it, then a rename), so a failed export never leaves half a file.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kpi.errors import KpiError
from kpi.export.provenance import provenance
from kpi.export.table import CsvTable as CsvTable
from kpi.export.table import Evaluation, Progress, evaluation
from kpi.i18n import _, active, in_lang
from kpi.judge.report import build_report
from kpi.model import Encoding, ExportFormat, Layout, Method, Plan
from kpi.safefile import output_target, replacing
from kpi.views.labels import Lang

FOLLOWUP_FORMATS = (ExportFormat.xlsx, ExportFormat.md, ExportFormat.html)


class ExportError(KpiError):
    """An export cannot be written (bad output path, option that does not apply)."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: ExportFormat
    rows: int  # indicator rows in the evaluation table (measures in the follow-up layout)
    size: int  # bytes written
    layout: Layout = Layout.table

    def summary(self, lang: Lang | None = None) -> str:
        """What ``kpi export`` says once written: Wrote review.xlsx (xlsx, 182 indicators, 52,310 bytes)."""
        lang = lang or active()
        path, fmt, rows, size = self.path, self.format.value, self.rows, f"{self.size:,}"
        if self.layout is Layout.followup:
            return in_lang(
                lang, "Wrote {path} ({format}, {rows} measures, {size} bytes)", path=path, format=fmt, rows=rows, size=size
            )
        return in_lang(
            lang, "Wrote {path} ({format}, {rows} indicators, {size} bytes)", path=path, format=fmt, rows=rows, size=size
        )


SUFFIXES = {
    ".xlsx": ExportFormat.xlsx,
    ".csv": ExportFormat.csv,
    ".md": ExportFormat.md,
    ".html": ExportFormat.html,
    ".htm": ExportFormat.html,
    ".json": ExportFormat.json,
}


def format_for(output: Path, fmt: ExportFormat | None) -> ExportFormat:
    """The format to write: ``fmt`` when given (refused when the file name says another), else inferred from the name."""
    suffix = output.suffix.lower()
    named = SUFFIXES.get(suffix)
    if fmt is None:
        if named is None:
            choices = ", ".join(sorted(SUFFIXES))
            raise ExportError(
                _(
                    "{name}: cannot tell the format from the name; give --format, or end it in {choices}",
                    name=output.name,
                    choices=choices,
                )
            )
        return named
    if fmt is ExportFormat.rs:
        if suffix not in ("", ".csv", ".xlsx"):
            raise ExportError(_("{name}: --format rs writes a .csv or an .xlsx file; rename the output", name=output.name))
        return fmt
    if named is not None and named is not fmt:
        raise ExportError(
            _(
                "{name}: --format {format} would write {format} into a {suffix} file; "
                "drop --format (the name says {named}) or name the file *.{format}",
                name=output.name,
                format=fmt.value,
                suffix=suffix,
                named=named.value,
            )
        )
    return fmt


def render(
    ev: Evaluation,
    fmt: ExportFormat,
    *,
    encoding: Encoding = Encoding.utf8,
    output: Path | None = None,
    progress: Progress | None = None,
    table: CsvTable = CsvTable.evaluation,
    printable: bool = False,
) -> bytes:
    """The export of ``ev`` in ``fmt`` as bytes (rs is a workbook when ``output`` ends in .xlsx, else csv)."""
    shown = output.name if output is not None else _("the {format} export", format=fmt.value)
    if encoding is not Encoding.utf8 and fmt not in (ExportFormat.csv, ExportFormat.rs):
        raise ExportError(
            _(
                "--encoding {encoding} applies to csv and rs only; drop it for --format {format}",
                encoding=encoding.value,
                format=fmt.value,
            )
        )
    if printable and fmt is not ExportFormat.html:
        raise ExportError(_("--print applies to --format html only; drop it for --format {format}", format=fmt.value))
    if fmt is ExportFormat.xlsx:
        from kpi.export.xlsx import to_xlsx

        return to_xlsx(ev, progress)
    if fmt is ExportFormat.html and printable:
        from kpi.export.htmlprint import to_print_html

        return to_print_html(ev, progress).encode("utf-8")
    if fmt is ExportFormat.html:
        from kpi.export.html import to_html

        return to_html(ev, progress).encode("utf-8")
    if fmt is ExportFormat.rs:
        from kpi.export import rs

        if output is not None and output.suffix.lower() == ".xlsx":
            if encoding is not Encoding.utf8:
                raise ExportError(
                    _(
                        "--encoding {encoding} applies to text files; {name} is a workbook, drop --encoding",
                        encoding=encoding.value,
                        name=output.name,
                    )
                )
            return rs.to_rs_xlsx(ev, progress)
        return rs.to_rs_csv(ev, encoding.value, shown)
    if table is not CsvTable.evaluation and fmt is not ExportFormat.csv:
        raise ExportError(
            _(
                "--table {table} applies to --format csv only; the {format} export holds every table",
                table=table.value,
                format=fmt.value,
            )
        )
    from kpi.export import plain

    if fmt is ExportFormat.csv:
        return plain.to_csv(ev, encoding.value, shown, table)
    if fmt is ExportFormat.md:
        return plain.to_markdown(ev).encode("utf-8")
    from kpi.export.plainjson import to_json

    return to_json(ev).encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:  # also `kpi report|lagging|missing --output`
    """Write ``data`` to ``path`` through a temporary file in the same folder, so readers never see half a file."""
    write_pieces(path, [data])


def write_pieces(path: Path, pieces: Iterable[bytes]) -> int:
    """``write_atomic`` of the pieces joined, written as they come; returns the bytes written. An error while the
    pieces are made leaves the old file (or none) and no temporary behind."""

    def write(handle: BinaryIO) -> None:
        for piece in pieces:
            handle.write(piece)

    return write_with(path, write)


def write_with(path: Path, write: Callable[[BinaryIO], None]) -> int:
    """``write_atomic`` of what ``write`` writes into the open file it is given; returns the bytes written."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportError(
            _("{path}: is a folder; give a file name for --output, e.g. {example}", path=path, example=path / "review.xlsx")
        )
    if not folder.is_dir():
        raise ExportError(
            _("{path}: folder {folder} does not exist; create it first or choose another --output", path=path, folder=folder)
        )
    target = output_target(path)
    try:
        with replacing(target) as temp, open(temp, "wb") as handle:
            write(handle)
            size = handle.seek(0, io.SEEK_END)
    except OSError as exc:
        raise ExportError(
            _("{path}: cannot write the file ({reason}); choose another --output", path=path, reason=exc.strerror)
        ) from None
    return size


def export(
    plan: Plan,
    fmt: ExportFormat,
    output: Path,
    *,
    year: int | None = None,
    lang: Lang | None = None,
    ministry: str | None = None,
    pillar: str | None = None,
    edition: int | None = None,
    method: Method | None = None,
    encoding: Encoding = Encoding.utf8,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    table: CsvTable = CsvTable.evaluation,
    printable: bool = False,
    layout: Layout = Layout.table,
) -> ExportResult:
    """Judge ``plan`` for ``year`` and write the evaluation table (or the follow-up table) to ``output`` in ``fmt``.

    ``lang``: the language of the headings and labels (default: the run's, kpi.i18n.active())."""
    lang = lang or active()
    if layout is Layout.followup and fmt not in FOLLOWUP_FORMATS:
        shown = ", ".join(f.value for f in FOLLOWUP_FORMATS)
        raise ExportError(_("--layout followup is written as {formats}; choose one of them with --format", formats=shown))
    report = build_report(plan, year=year, edition=edition, method=method, ministry=ministry, pillar=pillar)
    indicators = sum(len(m.assessments) for m in report.measures)  # each once, as the table's rows (ev.rows) count them
    filters = tuple((k, v) for k, v in (("ministry", ministry), ("pillar", pillar)) if v)
    prov = provenance(plan, report, now=now, filters=filters)
    if layout is Layout.followup:
        from kpi.export import followup

        # Each row made as it is written, straight into the file: a large plan's table is never whole in memory.
        follow = followup.followup(report, prov, lang)
        if fmt is ExportFormat.xlsx:
            from kpi.export.followup_xlsx import write_followup_xlsx

            size = write_with(output, lambda handle: write_followup_xlsx(follow, handle))
        else:
            pieces = followup.markdown_pieces(follow) if fmt is ExportFormat.md else followup.html_pieces(follow)
            size = write_pieces(output, (piece.encode("utf-8") for piece in pieces))
        return ExportResult(output, fmt, len(report.measures), size, layout)
    if fmt is ExportFormat.csv and table is CsvTable.evaluation and not printable:
        from kpi.export import plain

        # A row at a time, as written: the same bytes as render(), without the whole table in memory.
        shown = output.name
        size = write_pieces(output, plain.evaluation_csv(report, lang, plan.config.root, encoding.value, shown))
        return ExportResult(output, fmt, indicators, size)
    # Each streamed branch takes only the options it writes; any other (--print, --encoding or --table where they do
    # not apply) falls through to render(), which refuses it with its message, or ignores --table as it always has.
    if fmt is ExportFormat.xlsx and encoding is Encoding.utf8 and not printable:
        from kpi.export.xlsx import write_xlsx

        # The rows made again on each pass and written as they come, straight into the file: the same workbook as
        # render(), without the table or the workbook ever whole in memory.
        ev = evaluation(report, prov, lang, root=plan.config.root, keep=False)
        size = write_with(output, lambda handle: write_xlsx(ev, handle, progress))
        return ExportResult(output, fmt, indicators, size)
    if fmt is ExportFormat.rs and output.suffix.lower() == ".xlsx" and encoding is Encoding.utf8 and not printable:
        from kpi.export.rs import write_rs_xlsx

        # As the xlsx export: the lines made again from the report as they are written, straight into the file.
        ev = evaluation(report, prov, lang, root=plan.config.root, keep=False)
        size = write_with(output, lambda handle: write_rs_xlsx(ev, handle, progress))
        return ExportResult(output, fmt, indicators, size)
    if fmt is ExportFormat.rs and output.suffix.lower() != ".xlsx" and not printable:  # the rs table as csv
        from kpi.export.rs import rs_csv

        ev = evaluation(report, prov, lang, root=plan.config.root, keep=False)
        size = write_pieces(output, rs_csv(ev, encoding.value, output.name))
        return ExportResult(output, fmt, indicators, size)
    if (
        fmt in (ExportFormat.json, ExportFormat.md)
        and encoding is Encoding.utf8
        and not printable
        and table is CsvTable.evaluation
    ):
        from kpi.export import plain, plainjson

        # The text made a few hundred rows at a time and written as it comes: render()'s bytes (they are these
        # pieces joined), without the table or its text ever whole in memory. Other options: render() refuses them.
        ev = evaluation(report, prov, lang, root=plan.config.root, keep=False)
        text = plainjson.json_pieces(ev) if fmt is ExportFormat.json else plain.markdown_pieces(ev)
        size = write_pieces(output, (piece.encode("utf-8") for piece in text))
        return ExportResult(output, fmt, indicators, size)
    if fmt is ExportFormat.html and encoding is Encoding.utf8:  # the page or the paper, written as it is made
        from kpi.export.html import html_pieces
        from kpi.export.htmlprint import print_pieces

        ev = evaluation(report, prov, lang, root=plan.config.root, keep=False)
        pieces = print_pieces(ev, progress) if printable else html_pieces(ev, progress)
        size = write_pieces(output, (piece.encode("utf-8") for piece in pieces))
        return ExportResult(output, fmt, indicators, size)
    # A summary or list as csv needs no row of the evaluation table: the rows are not kept (keep=False).
    ev = evaluation(report, prov, lang, root=plan.config.root, keep=fmt is not ExportFormat.csv or table is CsvTable.evaluation)
    data = render(ev, fmt, encoding=encoding, output=output, progress=progress, table=table, printable=printable)
    write_atomic(output, data)
    return ExportResult(output, fmt, indicators, len(data))
