"""Printed documents: admission tickets (准考证) and room sign-in sheets (签到表), as PDF and XLSX.

The only package that imports reportlab and openpyxl (tests/unit/test_structure.py). It takes
plain rows (app.reports.rows) that the services gather and decrypt, and writes files; it never
touches the database or Qt. Text on the documents is Chinese: they are Chinese exam records.
"""

from __future__ import annotations

from app.reports.rows import PlanInfo, SheetHeader, SheetRow, TicketRow, TicketSitting
from app.reports.sign_in_pdf import sign_in_sheet_pdf
from app.reports.sign_in_xlsx import sign_in_sheet_xlsx
from app.reports.tickets import tickets_pdf

__all__ = ["PlanInfo", "SheetHeader", "SheetRow", "TicketRow", "TicketSitting", "sign_in_sheet_pdf",
           "sign_in_sheet_xlsx", "tickets_pdf"]
