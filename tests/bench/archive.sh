#!/usr/bin/env bash
# Archive listings on 100,000 announcements: time and database commands per request, and SQLite's plan of every
# statement (the command exits 1 if one scans a table or sorts). Self-contained: a fresh SQLite file in /tmp.
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "load: $(uptime)"
dotnet run --project src/Monitor.Worker -c Release -- bench archive --announcements "${1:-100000}" --page-size 20
echo "load: $(uptime)"
