#!/usr/bin/env python3
"""The slowest test classes of the last `mvn verify`, from Surefire's XML reports: scripts/slowest-tests.py [N] [BUDGET_S] [WALL_S]

Prints the N slowest classes (default 10) with their time and module, the sum over all classes, and, given the whole
run's wall time, a warning when it is over the budget (default 1800 s: bin/test must stay within 30 minutes on CI).
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
budget = float(sys.argv[2]) if len(sys.argv) > 2 else 1800.0
wall = float(sys.argv[3]) if len(sys.argv) > 3 else None
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

classes = []
for report in glob.glob(os.path.join(root, "*", "target", "surefire-reports", "TEST-*.xml")):
    try:
        suite = ET.parse(report).getroot()
    except ET.ParseError:
        continue
    module = os.path.relpath(report, root).split(os.sep)[0]
    failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    classes.append((float(suite.get("time", 0)), suite.get("name", "?").rsplit(".", 1)[-1], module, int(suite.get("tests", 0)), failed))

if not classes:
    print("slowest tests: no Surefire reports found")
    sys.exit(0)
classes.sort(reverse=True)
total = sum(c[0] for c in classes)
print(f"Slowest {min(n, len(classes))} of {len(classes)} test classes (sum over all classes {total / 60:.1f} min):")
for time, name, module, tests, failed in classes[:n]:
    print(f"  {time:7.1f} s  {name:<28} {module:<18} {tests:3d} tests{'  FAILED ' + str(failed) if failed else ''}")
if wall is not None:
    verdict = "within" if wall <= budget else "OVER"
    print(f"bin/test took {wall / 60:.1f} min: {verdict} the budget of {budget / 60:.0f} min")
    if wall > budget:
        print("WARNING: the suite is over its CI budget; see BENCHMARKS.md (Test suite) for what each class costs")
