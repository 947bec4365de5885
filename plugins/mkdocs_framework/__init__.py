"""Turn a practice framework described in framework.yml into pages of an MkDocs site.

The core (loader, validate, model, render) knows nothing of MkDocs; ``plugin`` wires it to MkDocs
events and ``__main__`` runs it from the command line.
"""
