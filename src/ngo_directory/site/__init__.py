"""The pages: URLs and output paths, the plan of every page, the Jinja filters and the templates."""
