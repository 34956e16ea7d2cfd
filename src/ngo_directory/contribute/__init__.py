"""For contributors and maintainers: new records, records from issues, pull-request ownership
checks, and the development server."""
