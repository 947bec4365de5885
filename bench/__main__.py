"""python -m bench [--quick] [--no-browser] [--no-serve] [--out FOLDER]: measure and write the results."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from bench import report
from bench.run import QUICK, Options, run

RESULTS = Path(__file__).resolve().parent / "results"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one run of each, sizes 10 and 50 only (a smoke test)")
    parser.add_argument("--runs", type=int, help="builds of the real site and of bare MkDocs (default 5)")
    parser.add_argument("--scaling-runs", type=int, help="builds at each synthetic size (default 3)")
    parser.add_argument("--sizes", type=int, nargs="+", help="synthetic framework sizes (default 10 50 200 500)")
    parser.add_argument("--no-browser", action="store_true", help="skip page weight and browser timings")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve timing")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for latest.md and latest.json")
    args = parser.parse_args(argv)

    options = QUICK if args.quick else Options()
    changes: dict[str, object] = {"browser": not args.no_browser, "serve": not args.no_serve}
    if args.runs:
        changes["runs"] = args.runs
    if args.scaling_runs:
        changes["scaling_runs"] = args.scaling_runs
    if args.sizes:
        changes["sizes"] = tuple(sorted(args.sizes))
    options = dataclasses.replace(options, **changes)  # type: ignore[arg-type]

    results = run(options, log=lambda message: print(f"bench: {message}", file=sys.stderr, flush=True))
    text = report.markdown(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.out / "latest.md").write_text(text, encoding="utf-8")
    print(text)
    print(f"Written to {args.out / 'latest.md'} and {args.out / 'latest.json'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
