# Monitor worker: multi-stage build. The build stage runs the same `dotnet publish` that .ci/run runs and tests.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Monitor.sln ./
COPY src/Monitor.Worker/Monitor.Worker.csproj src/Monitor.Worker/
# For the build machine's runtime (--ucr), so the publish step compiles the assemblies ahead of time (ReadyToRun).
RUN dotnet restore src/Monitor.Worker/Monitor.Worker.csproj --ucr
COPY config/ config/
COPY src/ src/
RUN dotnet publish src/Monitor.Worker/Monitor.Worker.csproj -c Release --no-restore --ucr --self-contained false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl only serves the HEALTHCHECK below.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data \
    && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app ./
# The working directory is the writable volume, so verbs that write relative paths (demo's data/) work as non-root.
WORKDIR /data
# MALLOC_ARENA_MAX=2: glibc gives threads malloc arenas of their own (up to eight per core), each keeping what it once
# held; two arenas took 15-20 MB off the crawl's peak resident set at no cost in speed (README, Crawl).
ENV MONITOR_CONFIG_DIR=/app/config \
    ConnectionStrings__Monitor="Data Source=/data/monitor.db" \
    Monitor__Digest__OutboxDirectory=/data/outbox \
    Monitor__Web__Urls=http://0.0.0.0:8080 \
    Logging__Console__FormatterName=json \
    DOTNET_gcServer=0 \
    MALLOC_ARENA_MAX=2
VOLUME ["/data"]
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/app/Monitor.Worker.dll"]
CMD ["run"]
