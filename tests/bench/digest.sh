#!/usr/bin/env bash
# Digest delivery benchmark: 10,000 active subscribers with varied filters and 300 new announcements in a fresh SQLite
# file; one digest run composes and sends every due digest to a real SMTP server on loopback. Prints messages/s end to
# end, peak working set, database commands per page of subscribers, and the load average. Self-contained: needs only
# the .NET SDK. Usage: tests/bench/digest.sh [SUBSCRIBERS] [ANNOUNCEMENTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Monitor.Worker -c Release -v q -nologo >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet src/Monitor.Worker/bin/Release/net10.0/Monitor.Worker.dll bench digest \
  --subscribers "${1:-10000}" --announcements "${2:-300}" --config config
