"""Extractors: pure functions from an Article to records, one module per extracted thing."""
