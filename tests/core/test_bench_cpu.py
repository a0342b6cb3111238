"""``bench/run.py`` counts the CPU time each server's processes use, told apart by their
command lines, so that its tables give a cost per request beside the throughput."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")

BUSY = """
import time
started = time.process_time()
while time.process_time() - started < 0.4:
    pass
time.sleep(60)
"""


@pytest.fixture
def run(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[2] / "bench"))
    import run

    yield run
    sys.modules.pop("run", None)


def test_the_cpu_of_a_server_s_processes_is_counted_for_that_server_only(run):
    before = run.cpu_seconds()
    # A process whose command line names the app, as gunicorn's workers do.
    busy = subprocess.Popen([sys.executable, "-c", BUSY, "efus_ppp.wsgi:application"])
    try:
        deadline = time.monotonic() + 30
        while run.cpu_between(before, run.cpu_seconds(), "app") < 0.35:
            assert time.monotonic() < deadline, "the busy process's CPU time was never counted"
            time.sleep(0.05)
        after = run.cpu_seconds()
    finally:
        busy.kill()
        busy.wait()
    assert str(busy.pid) in after["app"]
    assert 0.35 <= run.cpu_between(before, after, "app") < 5
    assert run.cpu_between(before, after, "baseline") < 0.35
    # Once it has ended, its time is no longer subtracted from what the others used.
    assert run.cpu_between(after, run.cpu_seconds(), "app") >= 0


def test_a_cell_gives_the_median_cpu_of_the_server_and_of_the_database(run):
    measured = [{"cpu": 2.0, "database_cpu": 0.5}, {"cpu": 9.0, "database_cpu": 0.1},
                {"cpu": 3.0, "database_cpu": 0.3}]
    assert run._cpu(measured) == "3.00 + 0.30"
