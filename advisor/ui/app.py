"""App entry: page config and navigation (filled in by the app issue)."""

from __future__ import annotations

import streamlit as st


def run() -> None:
    st.set_page_config(page_title="Model Advisor", page_icon="🧭", layout="wide")
    st.title("Model Advisor")
    st.write("Which LLM to use — open weights or closed API — for your task, budget, privacy and hardware.")
