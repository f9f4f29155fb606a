"""Fills in a workbook written by `partnermap init` the way a convener would in Excel, with
typed values (a date, booleans, numbers), or with mistakes; or describes its drop-downs.

    python3 fill.py fill|broken WORKBOOK OUT
    python3 fill.py inspect WORKBOOK        (prints the sheets' validations as JSON)
"""
import datetime
import json
import sys

import openpyxl


def part1(ws, answers):
    """Answers Part 1 rows by their Item; an item of an Other row fills the first empty one."""
    for (lst, item), answer in answers.items():
        for row in ws.iter_rows(min_row=3):
            if row[0].value == lst and (row[1].value == item or (lst.startswith("Other") and row[1].value is None)):
                row[1].value = item
                row[2].value = answer
                break
        else:
            raise SystemExit(f"no Part 1 row {lst} / {item}")


def rows(ws, values):
    """Writes rows under the sheet's examples (the first empty row after the headers)."""
    at = 3
    while ws.cell(at, 1).value is not None:
        at += 1
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            if value is not None:
                ws.cell(at + r, c + 1).value = value


def fill(wb, broken):
    part1(wb["Part 1"], {
        ("Coalition", "Coalition name"): "Forest City Mobility Coalition",
        ("Coalition", "Convener"): "Forest City Workforce Development Board",
        ("Coalition", "As of"): datetime.date(2026, 11, 1),
        ("Population", "People with disabilities"): "yes",
        ("Population", "Young people"): True,
        ("Population", "English-language learners"): "maybe" if broken else "Yes",
        ("Area of concern", "Employment opportunities"): "yes",
        ("Asset", "Convening power"): "yes",
        ("Asset", "Political clout"): False,
        ("Other population", "Veterans"): "yes",
    })
    rows(wb["Table 1"], [
        ["Forest City Workforce Development Board", "Workforce development board",
         "Residents with low incomes; People with disabilities", "Employment opportunities",
         "Convening power; Training funds", "Member", "Director of Workforce Programs",
         "https://example.org/fc-wdb", "Forest City", None],
        ["Forest City American Job Center", "finanical institution" if broken else "American Job Center",
         "PWD; Veterans", "Employment opportunities", "Connections to employers",
         "Potential" if broken else None, None, None, "Forest City", "Weekly orientations."],
    ])
    if broken:
        wb["Table 1"].cell(2, 7).value = "Contacts"
    rows(wb["Table 2"], [
        ["Forest City Community College", "Anchor institution",
         "Residents with low incomes; English learner" if broken else "Residents with low incomes; English-language learners",
         "Employment opportunities; Opportunities for income", "Research and analytical capacity"],
        ["Casa de la Comunidad", "Community-based nonprofit", "Hispanic or Latino residents; ELL",
         "Financial security", "Strong connections to community members", "Keep informed"],
    ])
    rows(wb["Table 3"], [
        ["Forest City Comunity College" if broken else "Forest City Community College",
         "Career pathways in advanced manufacturing", "Enrolment and employer partnerships.",
         "Research partner; training provider", None],
    ])
    rows(wb["Table 4"], [
        ["Dean of Workforce Education", "Forest City Community College",
         "Forest City Workforce Development Board"],
    ])
    rows(wb["Partnerships"], [
        ["Forest City Workforce Development Board", "Forest City American Job Center", "Formal MOU",
         5 if broken else 3, False, datetime.date(2019, 7, 1), "The board oversees the job center."],
        ["Forest City American Job Center", "Nobody" if broken else "Casa de la Comunidad", "Referral", 2.0, True],
    ])


def inspect(wb):
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = {
            "state": ws.sheet_state,
            "freeze": ws.freeze_panes,
            "filter": ws.auto_filter.ref,
            "validations": [
                {
                    "cells": str(v.sqref),
                    "type": v.type,
                    "list": v.formula1,
                    "error_style": v.errorStyle,
                    "prompt": v.promptTitle,
                }
                for v in ws.data_validations.dataValidation
            ],
        }
    print(json.dumps(out, indent=1, sort_keys=True))


if __name__ == "__main__":
    mode, path = sys.argv[1], sys.argv[2]
    workbook = openpyxl.load_workbook(path)
    if mode == "inspect":
        inspect(workbook)
    else:
        fill(workbook, mode == "broken")
        workbook.save(sys.argv[3])
