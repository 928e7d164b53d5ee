"""Model Advisor web app: page setup and navigation only. Pages live in advisor/ui/."""

from advisor.ui.app import run

run()
