"""Shared settings for Trygg's schedules: how a task calls Trygg's own command line, retries, and the assets.

(No workflow is defined here, and the file avoids the word Airflow's file scan looks for, so it is not parsed as one.)

Every task runs ``bin/trygg`` (or ``$TRYGG_COMMAND``), so the code a scheduled run executes is exactly the code an
operator runs by hand. Settings and secrets reach the command through the environment Airflow was started with
(``TRYGG_HOME``, ``TRYGG_CATALOG_URI``, ``TRYGG_PSEUDONYM_KEY``, ...), never through the command line.
"""
import os
import shlex
from datetime import timedelta
from pathlib import Path

from airflow.sdk import Asset

# <repo>/pipelines/airflow/<folder>/trygg_common.py -> <repo>/bin/trygg
TRYGG = os.environ.get("TRYGG_COMMAND") or str(Path(__file__).resolve().parents[3] / "bin" / "trygg")

# Data-aware links: the daily schedule updates quality-checked silver, the monthly one the published marts.
SILVER = Asset("trygg://warehouse/silver", group="trygg")
GOLD = Asset("trygg://warehouse/gold", group="trygg")
RESEARCH = Asset("trygg://warehouse/research", group="trygg")

# Exit codes of bin/trygg: 3 = done, but some source files were rejected and left in place (a person must look;
# retrying will not help), 4 = stopped by the quality gate (nothing published).
REJECTED_FILES = 3

DEFAULT_ARGS = {
    "owner": "trygg",
    "retries": int(os.environ.get("TRYGG_TASK_RETRIES", "2")),  # 0 in tests: a failure should show at once
    "retry_delay": timedelta(minutes=2),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=20),
    "execution_timeout": timedelta(hours=2),
}


def trygg(*args: str, rejected_files_ok: bool = False) -> str:
    """The bash command for one Trygg step. Jinja in args ({{ ds }}) is rendered by Airflow first and ${VAR} is
    expanded by bash (settings from the environment); everything else is quoted."""
    command = " ".join([shlex.quote(TRYGG)] + [a if a.startswith(("{{", "${")) else shlex.quote(a) for a in args])
    if not rejected_files_ok:
        return command
    # Rejected files are reported in the log and the run record; the good files are in and the run goes on.
    return (f"{command}; rc=$?; if [ $rc -eq {REJECTED_FILES} ]; then "
            f"echo 'WARNING: some source files were rejected (see above); they are left in place for a re-run'; exit 0; fi; exit $rc")
