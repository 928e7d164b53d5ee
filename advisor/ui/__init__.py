"""The Streamlit UI: the only streamlit importer besides streamlit_app.py."""
