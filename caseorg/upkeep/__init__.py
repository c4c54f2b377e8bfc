"""Keeping a library sound: check and repair (store, database, index), backup, restore."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg.upkeep.backup import backup_library as backup_library
    from caseorg.upkeep.check import (
        CheckReport as CheckReport,
        Problem as Problem,
        check_library as check_library,
    )
    from caseorg.upkeep.restore import restore_library as restore_library
    from caseorg.upkeep.salvage import (
        check_damaged as check_damaged,
        damaged_parts as damaged_parts,
    )

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "backup": "backup_library",
        "restore": "restore_library",
        "check": "CheckReport Problem check_library",
        "salvage": "check_damaged damaged_parts",
    },
)
