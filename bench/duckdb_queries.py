#!/usr/bin/env python3
"""Runs debrief's built-in queries (queries/*.sql) with DuckDB on the tables that
`debrief report DIR --export-tables TABLES` wrote as Parquet, and prints each query's row count
(or its error).

usage: python3 bench/duckdb_queries.py TABLES [QUERIES_DIR]    (pip install duckdb)

polars SQL and DuckDB differ on one point the built-in queries meet: `CAST(instant AS BIGINT)`
gives epoch milliseconds in polars; DuckDB refuses it for a TIMESTAMP WITH TIME ZONE (write
`epoch_ms(instant)` there). The column `at` is quoted ("at") in the queries because `AT` is a
keyword in DuckDB (AT TIME ZONE).
"""
import glob
import os
import sys

import duckdb


def main():
    tables = sys.argv[1]
    queries = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "queries")
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    for f in sorted(glob.glob(os.path.join(tables, "*.parquet"))):
        name = os.path.basename(f)[: -len(".parquet")]
        con.execute(f"CREATE VIEW \"{name}\" AS SELECT * FROM read_parquet('{f}')")
    failed = 0
    for q in sorted(glob.glob(os.path.join(queries, "*.sql"))):
        name = os.path.basename(q)[: -len(".sql")]
        try:
            rows = con.execute(open(q).read()).fetchall()
            print(f"{name:<32} {len(rows):>7} rows")
        except duckdb.Error as e:
            failed += 1
            print(f"{name:<32} failed: {str(e).splitlines()[0]}")
    sys.exit(1 if failed and "--strict" in sys.argv else 0)


if __name__ == "__main__":
    main()
