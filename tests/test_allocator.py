"""The console command's allocator settings keep large freed blocks for reuse."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

glibc_only = pytest.mark.skipif(
    not (hasattr(os, "confstr") and (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith("glibc")),
    reason="the settings are glibc's",
)

# Allocates, touches and frees a 40 MB block five times; prints the page faults of the last four.
FAULTS = """
import resource, sys
from conflict_events.allocator import tune_allocator
if sys.argv[1] == "tuned":
    assert tune_allocator()
size = 40 << 20
def churn():
    block = bytearray(size)
    block[::4096] = b"x" * len(range(0, size, 4096))
    del block
churn()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(4):
    churn()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def page_faults(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", FAULTS, mode], capture_output=True, text=True, check=True)
    return int(out.stdout)


@glibc_only
def test_a_freed_large_block_is_reused_instead_of_mapped_again():
    pages = (40 << 20) // 4096
    assert page_faults("stock") > 3 * pages  # each allocation maps and touches its pages anew
    assert page_faults("tuned") < pages // 10


def test_the_library_leaves_the_allocator_to_the_console_command():
    out = subprocess.run(
        [sys.executable, "-c", "import sys, conflict_events, conflict_events.api; print('conflict_events.allocator' in sys.modules)"],
        capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
