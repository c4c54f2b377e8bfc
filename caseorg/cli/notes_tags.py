"""Commands for what a clerk adds to cases and documents: tag add/remove/list,
note add/list/edit/delete."""

from __future__ import annotations

import click

from caseorg.cli.common import (
    State,
    case_id_of,
    case_option,
    document_option,
    json_option,
    optional_case_id,
    print_one,
    print_rows,
    uses_library,
)
from caseorg.cli.lines import note_line
from caseorg.errors import InvalidValue
from caseorg.library import Library


def _target(lib: Library, a_number: str | None, document_id: int | None) -> tuple[str, int]:
    """('case', id) or ('document', id) from --case / --document (exactly one)."""

    if (a_number is None) == (document_id is None):
        raise InvalidValue("give --case A-NUMBER or --document ID")
    if a_number is not None:
        return "case", case_id_of(lib, a_number)
    assert document_id is not None
    return "document", document_id


# -- tags ---------------------------------------------------------------------------------------


@click.group()
def tag() -> None:
    """Tags on cases and documents: add, remove, list ('caseorg case list --tag T')."""


def _tag_change_command(name: str, help_text: str, adding: bool) -> None:
    """``tag add`` and ``tag remove``: the same options, one verb apart."""

    @tag.command(name, help=help_text)
    @click.argument("tags", nargs=-1, required=True)
    @case_option("The case (A-number).")
    @document_option("The document id.")
    @json_option
    @uses_library(writes=True)
    def change(
        state: State,
        tags: tuple[str, ...],
        a_number: str | None,
        document_id: int | None,
        as_json: bool,
    ) -> None:
        from caseorg.records import add_tag, remove_tag, tags_of

        lib = state.lib()
        entity, entity_id = _target(lib, a_number, document_id)
        for tag_name in tags:
            (add_tag if adding else remove_tag)(lib, entity, entity_id, tag_name)
        now = tags_of(lib, entity, entity_id)
        print_one(
            {"entity": entity, "id": entity_id, "tags": now},
            f"{entity} #{entity_id} tags: {', '.join(now) or '(none)'}",
            as_json=as_json,
        )


_tag_change_command("add", "Put TAGS on a case or a document.", adding=True)
_tag_change_command("remove", "Take TAGS off a case or a document.", adding=False)


@tag.command("list")
@case_option("The tags of this case.")
@document_option("The tags of this document.")
@json_option
@uses_library(writes=False)
def tag_list(state: State, a_number: str | None, document_id: int | None, as_json: bool) -> None:
    """List every tag with how many cases and documents carry it (or one item's tags)."""
    from caseorg.records import all_tags, tags_of

    lib = state.lib()
    if a_number is None and document_id is None:
        print_rows(
            all_tags(lib),
            lambda item: (
                f"{item['tag']:<24} {item['cases']} case(s), {item['documents']} document(s)"
            ),
            as_json=as_json,
            empty="no tags yet",
        )
        return
    entity, entity_id = _target(lib, a_number, document_id)
    names = tags_of(lib, entity, entity_id)
    print_one(names, ", ".join(names) or "(no tags)", as_json=as_json)


# -- notes --------------------------------------------------------------------------------------


@click.group()
def note() -> None:
    """Notes on cases, documents and hearings: add, list, edit, delete."""


@note.command("add")
@click.argument("text")
@case_option("A note on this case (A-number).")
@document_option("A note on this document.")
@click.option("--hearing", "hearing_id", type=int, help="A note on this hearing.")
@json_option
@uses_library(writes=True)
def note_add(
    state: State,
    text: str,
    a_number: str | None,
    document_id: int | None,
    hearing_id: int | None,
    as_json: bool,
) -> None:
    """Add a note (TEXT) to a case, a document or a hearing."""
    from caseorg.records import add_note
    from caseorg.reports import case_names

    lib = state.lib()
    given = [(k, v) for k, v in (("document", document_id), ("hearing", hearing_id)) if v]
    if (a_number is not None) + len(given) != 1:
        raise InvalidValue("give one of --case A-NUMBER, --document ID or --hearing ID")
    if a_number is not None:
        entity, entity_id = "case", case_id_of(lib, a_number)
    else:
        entity, entity_id = given[0]
        assert entity_id is not None
    added = add_note(lib, entity, entity_id, text)
    print_one(added, f"added note {note_line(added, case_names(lib))}", as_json=as_json)


@note.command("list")
@case_option("Notes of this case (with its documents and hearings).")
@click.option("--search", "text", help="Only notes containing these words.")
@json_option
@uses_library(writes=False)
def note_list(state: State, a_number: str | None, text: str | None, as_json: bool) -> None:
    """List notes, oldest first (with --search: newest first)."""
    from caseorg.records import list_notes, search_notes
    from caseorg.reports import case_names

    lib = state.lib()
    case_id = optional_case_id(lib, a_number)
    items = search_notes(lib, text, case_id=case_id) if text else list_notes(lib, case_id=case_id)
    names = case_names(lib)
    print_rows(items, lambda n: note_line(n, names), as_json=as_json, empty="no notes")


@note.command("edit")
@click.argument("note_id", type=int)
@click.argument("text")
@json_option
@uses_library(writes=True)
def note_edit(state: State, note_id: int, text: str, as_json: bool) -> None:
    """Correct the text of note NOTE_ID (the old text stays in the history)."""
    from caseorg.records import edit_note
    from caseorg.reports import case_names

    edited = edit_note(state.lib(), note_id, text)
    print_one(edited, f"updated note {note_line(edited, case_names(state.lib()))}", as_json=as_json)


@note.command("delete")
@click.argument("note_id", type=int)
@uses_library(writes=True)
def note_delete(state: State, note_id: int) -> None:
    """Delete note NOTE_ID (the history keeps what it said)."""
    from caseorg.records import delete_note

    delete_note(state.lib(), note_id)
    click.echo(f"deleted note #{note_id}")


COMMANDS = (tag, note)
