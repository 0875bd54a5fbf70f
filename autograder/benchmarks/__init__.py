"""Chapter-specific benchmarks. Each module here, named after its chapter, defines
`report() -> str` returning a Markdown table; `python -m autograder bench` prints them all."""
