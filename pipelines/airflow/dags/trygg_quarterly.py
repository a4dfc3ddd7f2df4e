"""Quarterly: leadership's and researchers' outputs from the published marts: the trend report, dashboard, dictionary
and a research extract.

Also runs whenever the research views change (data-aware), so the static dashboard never lags the marts.
"""
from datetime import datetime

from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG
from airflow.timetables.assets import AssetOrTimeSchedule
from airflow.timetables.trigger import CronTriggerTimetable

from trygg_common import DEFAULT_ARGS, RESEARCH, trygg

with DAG(
    dag_id="trygg_quarterly",
    description="Leadership's quarterly report, static dashboard, data dictionary and research extract",
    # The 5th of January, April, July and October, and after every change of the research views.
    schedule=AssetOrTimeSchedule(timetable=CronTriggerTimetable("0 7 5 1,4,7,10 *", timezone="Europe/Oslo"), assets=[RESEARCH]),
    start_date=datetime(2016, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["trygg"],
) as dag:
    dashboard = BashOperator(task_id="static_dashboard", inlets=[RESEARCH], bash_command=trygg("dashboard"))
    dictionary = BashOperator(task_id="data_dictionary", inlets=[RESEARCH], bash_command=trygg("dictionary"))
    # The latest complete quarter in the marts, as PDF and HTML under <home>/reports (bokmål; add --lang en for English).
    report = BashOperator(task_id="leadership_report", inlets=[RESEARCH], bash_command=trygg("report"))
    # A versioned research extract into <home>/exports (the default of --out, so it follows TRYGG_HOME as every task
    # does). Its name comes from the warehouse state: an unchanged warehouse finds its identical extract and writes
    # nothing, a changed one gets a new folder beside the old ones.
    export = BashOperator(task_id="research_export", inlets=[RESEARCH], bash_command=trygg("export", "research"))
