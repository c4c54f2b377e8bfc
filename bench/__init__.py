"""caseorg benchmarks (python -m bench); not collected by pytest."""
