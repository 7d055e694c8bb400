#!/usr/bin/env bash
# Starts Azurite (npm package pinned in package.json) on free loopback ports with a fresh folder, for the
# Azure storage tests. Source it, then call `azurite_start`; it exports VOICEMEMORY_TEST_STORAGE (a connection
# string the tests read) and AZURITE_PID, and `azurite_stop` ends it by its pid.
#   --disableTelemetry: without it Azurite holds connections to a link-local address and ignores SIGTERM.
#   --skipApiVersionCheck: the Azure SDK clients here may ask for a newer service version than Azurite 3.37 knows.

azurite_start() {
  local bin=node_modules/.bin/azurite
  [ -x "$bin" ] || { echo "azurite is not installed: run 'npm ci' at the repository root" >&2; return 1; }
  AZURITE_DIR=$(mktemp -d -t voicememory-azurite.XXXXXX)
  "$bin" --silent --location "$AZURITE_DIR" --disableTelemetry --skipApiVersionCheck \
    --blobHost 127.0.0.1 --blobPort 0 --queueHost 127.0.0.1 --queuePort 0 --tableHost 127.0.0.1 --tablePort 0 \
    >"$AZURITE_DIR/azurite.log" 2>&1 &
  AZURITE_PID=$!
  local blob="" queue="" table="" i
  for i in $(seq 1 100); do
    blob=$(sed -n 's/^Azurite Blob service is successfully listening at //p' "$AZURITE_DIR/azurite.log")
    queue=$(sed -n 's/^Azurite Queue service is successfully listening at //p' "$AZURITE_DIR/azurite.log")
    table=$(sed -n 's/^Azurite Table service is successfully listening at //p' "$AZURITE_DIR/azurite.log")
    [ -n "$blob" ] && [ -n "$queue" ] && [ -n "$table" ] && break
    kill -0 "$AZURITE_PID" 2>/dev/null || break
    sleep 0.2
  done
  if [ -z "$blob" ] || [ -z "$queue" ] || [ -z "$table" ]; then
    echo "Azurite did not start; its log:" >&2; cat "$AZURITE_DIR/azurite.log" >&2
    azurite_stop; return 1
  fi
  # The well-known development account of every Azurite (public, not a secret).
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  export VOICEMEMORY_TEST_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=$blob/devstoreaccount1;QueueEndpoint=$queue/devstoreaccount1;TableEndpoint=$table/devstoreaccount1;"
  export AZURITE_PID
  echo "Azurite: blob $blob, queue $queue, table $table (pid $AZURITE_PID)" >&2
}

azurite_stop() {
  if [ -n "${AZURITE_PID:-}" ]; then
    kill "$AZURITE_PID" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$AZURITE_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$AZURITE_PID" 2>/dev/null
    wait "$AZURITE_PID" 2>/dev/null
  fi
  [ -n "${AZURITE_DIR:-}" ] && rm -rf "$AZURITE_DIR"
  AZURITE_PID=""
}
