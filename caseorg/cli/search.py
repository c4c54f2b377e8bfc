"""Commands for full-text search: search, saved-search list/delete, reindex."""

from __future__ import annotations

import re
import sys
from typing import Any

import click

from caseorg.choices import DOC_TYPES
from caseorg.cli.common import (
    State,
    UserError,
    case_option,
    choice,
    end_progress_line,
    json_option,
    print_rows,
    progress_line,
    uses_library,
)
from caseorg.errors import CaseorgError, InvalidValue
from caseorg.progress import Progress
from caseorg.search import ENGINES, chosen_engine, index_of, index_ready, switch_engine
from caseorg.words import counted, label, plural, us_date


@click.command()
@click.argument("query", required=False)
@case_option("Only this case.", dest="case_ref")
@click.option("--type", "doc_type", type=choice(DOC_TYPES), help="Only this document type.")
@click.option(
    "--limit",
    type=click.IntRange(1, 500),
    help="Most documents to list.  [default: 20]",
)
@click.option("--tag", help="Only documents with this tag (or in a case with it).")
@click.option("--save", "save_as", metavar="NAME", help="Also save this search as NAME.")
@click.option(
    "--saved",
    "saved_name",
    metavar="NAME",
    help="Run the saved search NAME (--case/--type/--limit given here override its own).",
)
@json_option
@uses_library(writes="save_as")
def search(
    state: State,
    query: str | None,
    case_ref: str | None,
    doc_type: str | None,
    limit: int | None,
    tag: str | None,
    save_as: str | None,
    saved_name: str | None,
    as_json: bool,
) -> None:
    """Search every page of every document.

    QUERY supports words, "exact phrases", AND/OR/NOT, -excluded and +required words,
    prefix*, fuzzy~, and the fields type: (type:"notice to appear"), a:, title:, tag:,
    note:, filed: (filed:2024, filed:>2026-11-01, filed:[2024-01-01 TO 2024-12-31]).
    Exits 1 when nothing matches. See also 'caseorg saved-search list'.
    """
    from caseorg.records import case_by_a_number, get_saved_search, normalise_tag, save_search

    lib = state.lib()
    if saved_name:
        if query:
            raise InvalidValue("give a QUERY or --saved NAME, not both")
        saved = get_saved_search(lib, saved_name)
        query = saved.query
        case_ref = case_ref or saved.filters.get("case")
        doc_type = doc_type or saved.filters.get("type")
        limit = limit or saved.filters.get("limit")
        tag = tag or saved.filters.get("tag")
    if not query:
        raise InvalidValue("give a QUERY to search for (or --saved NAME)")
    full = f"tag:{normalise_tag(tag)} AND ({query})" if tag else query
    shown = limit or 20
    # the case by its A-number or EOIR case id (an unknown one is an error, exit 2)
    case_id = case_by_a_number(lib, case_ref).id if case_ref else None
    # one more than shown: whether there are more is worth saying
    hits = index_of(lib).search(full, doc_type=doc_type, limit=shown + 1, case_id=case_id)
    more, hits = len(hits) > shown, hits[:shown]
    if not hits and not index_ready(lib):  # read-only: a reader cannot build the index
        raise CaseorgError(
            "the search index is not built yet: another caseorg window may be building "
            "it; if not, run 'caseorg reindex'"
        )
    if save_as:
        filters = {"case": case_ref, "type": doc_type, "limit": limit, "tag": tag}
        kept = save_search(lib, save_as, query, filters)
        click.echo(f"saved search {kept.name!r}", err=True)
    print_rows(
        hits,
        _hit_text,
        as_json=as_json,
        data=lambda h: h.as_dict() | {"a_number_display": h.case_label},
    )
    if not hits:
        if not as_json:
            click.echo("no matches", err=True)
        sys.exit(1)
    if not as_json:
        click.echo(_total_text(hits, more, shown))


def _total_text(hits: list[Any], more: bool, shown: int) -> str:
    """'18 documents · 24 matching pages', and when more matched, how to see them."""
    pages = sum(len(hit.matching_pages) for hit in hits)
    text = f"{counted(len(hits), 'document')} · {pages} matching {plural(pages, 'page')}"
    if more:
        text += f" — the best {len(hits)} shown; more with --limit {min(500, shown * 2)}"
    return text


def _hit_text(hit: Any) -> str:
    """A document that matched (its id, case and respondent), then up to three of its
    pages with their snippets, the marked words in bold (plain text in a pipe)."""
    pages = ", ".join(str(p) for p in hit.matching_pages)
    lines = [
        f"#{hit.document_id}  {hit.case_label}  {hit.respondent}  ·  "
        f"{hit.title}  [{label(hit.doc_type)}"
        f"{', filed ' + us_date(hit.filed_on) if hit.filed_on else ''}]  page(s) {pages}"
    ]
    lines += [f"    p.{page.page_no}: {_bold_marks(page.snippet)}" for page in hit.pages[:3]]
    return "\n".join(lines)


def _bold_marks(snippet: str) -> str:
    """A snippet's **marks** as bold (click drops the styling when not on a terminal)."""
    return re.sub(r"\*\*(.+?)\*\*", lambda m: click.style(m.group(1), bold=True), snippet)


@click.command()
@click.option(
    "--engine",
    type=click.Choice(sorted(ENGINES)),
    help="Switch the library to this search engine and build its index "
    "(tantivy, the fast one, needs caseorg[fast]).",
)
@uses_library(writes=True)
def reindex(state: State, engine: str | None) -> None:
    """Rebuild the search index from the database (the index is only a cache)."""
    lib = state.lib()
    if lib.backend == "postgresql":  # a court library: its server searches the pages
        if engine:
            raise UserError(
                "a court library is searched by its server: --engine is for a folder", 2
            )
        pages = index_of(lib).rebuild(progress=lambda p: progress_line(p.text.ljust(70)))
        end_progress_line()
        click.echo(f"index rebuilt on the server: {pages} pages (word list and search indexes)")
        return

    def progress(p: Progress) -> None:
        progress_line(f"indexing {p.done}/{p.total} pages")

    if engine:
        pages = switch_engine(lib, engine, progress=progress)
    else:
        pages = index_of(lib).rebuild(progress=progress)
    end_progress_line()
    click.echo(f"index rebuilt: {pages} pages ({engine or chosen_engine(lib)})")


@click.group("saved-search")
def saved_search() -> None:
    """Saved searches: list and delete ('caseorg search QUERY --save NAME' saves one)."""


@saved_search.command("list")
@json_option
@uses_library(writes=False)
def saved_search_list(state: State, as_json: bool) -> None:
    """List saved searches by name."""
    from caseorg.records import list_saved_searches

    print_rows(
        list_saved_searches(state.lib()),
        _saved_text,
        as_json=as_json,
        empty="no saved searches",
    )


def _saved_text(s: Any) -> str:
    filters = " ".join(f"--{k} {v}" for k, v in s.filters.items())
    return f"{s.name}: {s.query}" + (f"  ({filters})" if filters else "")


@saved_search.command("delete")
@click.argument("name")
@uses_library(writes=True)
def saved_search_delete(state: State, name: str) -> None:
    """Delete the saved search NAME."""
    from caseorg.records import delete_saved_search

    delete_saved_search(state.lib(), name)
    click.echo(f"deleted saved search {name!r}")


COMMANDS = (search, reindex, saved_search)
