"""A library: a folder (lock, SQLite and migrations, file store), or a court library on
PostgreSQL (caseorg.library.courtdb); audit and settings for both."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg.library.audit import (
        AuditEvent as AuditEvent,
        history as history,
        now_iso as now_iso,
        record as record,
    )
    from caseorg.library.changes import (
        changes_since as changes_since,
        index_in_step as index_in_step,
    )
    from caseorg.library.courtdb import (
        CourtLibrary as CourtLibrary,
        NotOnServer as NotOnServer,
        is_court_url as is_court_url,
        not_yet as not_yet,
    )
    from caseorg.library.damage import (
        DamagedLibrary as DamagedLibrary,
        database_damage as database_damage,
        index_damage as index_damage,
    )
    from caseorg.library.folder import (
        DB_NAME as DB_NAME,
        INDEX_LEFTOVERS as INDEX_LEFTOVERS,
        LAST_BACKUP_FILE as LAST_BACKUP_FILE,
        Library as Library,
        default_library_path as default_library_path,
        default_location as default_location,
        is_library as is_library,
        is_url as is_url,
        last_backup_at as last_backup_at,
        library_location as library_location,
        library_or_url as library_or_url,
        open_library as open_library,
    )
    from caseorg.library.ids import reserve_ids as reserve_ids
    from caseorg.library.lock import (
        pid_alive as pid_alive,
        write_locked as write_locked,
        writer_of as writer_of,
    )
    from caseorg.library.settings import (
        COMPLETION_GOAL as COMPLETION_GOAL,
        NOTICE_MIN_DAYS as NOTICE_MIN_DAYS,
        OCR_AFTER_IMPORT as OCR_AFTER_IMPORT,
        find_setting as find_setting,
        get_setting as get_setting,
        list_settings as list_settings,
        set_setting as set_setting,
    )
    from caseorg.library.store import sha256_of as sha256_of
    from caseorg.library.transfer import Moved as Moved, move_library as move_library

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "audit": "AuditEvent history now_iso record",
        "changes": "changes_since index_in_step",
        "courtdb": "CourtLibrary NotOnServer is_court_url not_yet",
        "damage": "DamagedLibrary database_damage index_damage",
        "folder": (
            "DB_NAME INDEX_LEFTOVERS LAST_BACKUP_FILE Library default_library_path "
            "default_location is_library is_url last_backup_at library_location "
            "library_or_url open_library"
        ),
        "ids": "reserve_ids",
        "lock": "pid_alive write_locked writer_of",
        "settings": (
            "COMPLETION_GOAL NOTICE_MIN_DAYS OCR_AFTER_IMPORT find_setting get_setting "
            "list_settings set_setting"
        ),
        "store": "sha256_of",
        "transfer": "Moved move_library",
    },
)
