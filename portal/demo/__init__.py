"""Demo content for local use (`manage.py load_demo_content`): data only, as Python modules."""
