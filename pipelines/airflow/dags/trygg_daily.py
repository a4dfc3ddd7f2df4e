"""Daily: new exports -> bronze -> silver -> quality gate. Nothing is published here (the monthly DAG does that).

A run for day D ingests the exports due by D (the date in the file name), so catch-up and backfill over a range
load the same files in the same order as one run over the whole range, and give the same silver tables.
"""
from datetime import datetime

from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG, Param

from trygg_common import DEFAULT_ARGS, SILVER, trygg

with DAG(
    dag_id="trygg_daily",
    description="Ingest new exports, build silver, run the quality gate",
    schedule="0 5 * * *",  # after the night's exports have arrived
    start_date=datetime(2016, 1, 1),
    catchup=False,  # backfill explicitly (bin/trygg airflow backfill) rather than ten years of runs at first start
    max_active_runs=1,  # one writer at a time: runs for later days wait for earlier ones
    default_args=DEFAULT_ARGS,
    tags=["trygg"],
    params={"quality_report": Param(False, type="boolean", description="Also write the HTML/JSON quality report")},
) as dag:
    ingest = BashOperator(task_id="ingest", bash_command=trygg("run", "--through", "{{ ds }}", "--until", "BRONZE",
                                                                rejected_files_ok=True))
    silver = BashOperator(task_id="silver", bash_command=trygg("run", "--through", "{{ ds }}", "--until", "SILVER",
                                                                rejected_files_ok=True))
    quality_gate = BashOperator(task_id="quality_gate", retries=0,  # a failed gate needs a person, not a retry
                                bash_command=trygg("run", "--through", "{{ ds }}", "--until", "QUALITY",
                                                   "{{ '--quality-report' if params.quality_report else '' }}", rejected_files_ok=True),
                                outlets=[SILVER])
    ingest >> silver >> quality_gate
