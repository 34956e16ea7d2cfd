"""Search: what the index learns about each page, and Pagefind run on the written site."""
