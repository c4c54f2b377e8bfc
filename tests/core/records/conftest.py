"""The records tests run on both backends (issue 16): a folder library, a court library."""

import pytest


@pytest.fixture
def lib(both_lib: object) -> object:
    return both_lib
