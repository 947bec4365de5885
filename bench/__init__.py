"""A benchmark of the framework site that anyone can rerun: `make bench` or `python -m bench`.

It times real builds of the site against bare MkDocs building the same pages, scales the framework
up synthetically, times `mkdocs serve` rebuilds, weighs pages as Chromium loads them and times the
self-assessment form in Chromium. Figures are written to bench/results/latest.{md,json}.
"""
