"""The records: contributors' files read safely, strict YAML, the schemas' and cross-reference checks,
immutable models and the directory with its indexes."""
