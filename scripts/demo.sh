#!/usr/bin/env bash
# One command for a newcomer: installs the offline engines, builds, starts the self-hosted server, creates a
# user and sends a spoken turn (a sentence synthesised with flite), then a follow-up question that only
# memory can answer. Prints the transcript, the reply and where the reply audio is.
set -euo pipefail
cd "$(dirname "$0")/.."

url="${VOICEMEMORY_URL:-http://127.0.0.1:7071}"
data_root="${VoiceMemory__DataRoot:-$(mktemp -d -t voicememory-demo-XXXXXX)}"
export VoiceMemory__DataRoot="$data_root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v dotnet >/dev/null || { echo "the .NET 10 SDK is required (https://dot.net); dotnet is not on PATH" >&2; exit 1; }
bash scripts/install-engines.sh

echo "== building" >&2
dotnet build src/SelfHost/VoiceMemory.SelfHost.csproj -c Release -nologo -clp:ErrorsOnly >&2
app=(dotnet src/SelfHost/bin/Release/net10.0/VoiceMemory.SelfHost.dll)

echo "== creating a user (data root: $data_root)" >&2
key=$("${app[@]}" users add demo)

echo "== starting the server on $url" >&2
"${app[@]}" serve --urls "$url" > "$data_root/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fsS "$url/api/health" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { echo "the server stopped; see $data_root/server.log" >&2; exit 1; }
  sleep 1
done
curl -sS "$url/api/health" | jq -c '{status, checks: (.checks | map_values(.status))}'

say() { # say "<sentence>" : synthesise, submit, wait, print
  local sentence="$1" wav status turn body
  wav="$data_root/say-$RANDOM.wav"
  flite -voice slt -t "$sentence" -o "$wav"
  echo >&2
  echo "== you say (spoken by flite): \"$sentence\"" >&2
  status=$(curl -sS -X POST "$url/api/v1/turns" -H "Authorization: Bearer $key" -H "Content-Type: audio/wav" --data-binary "@$wav")
  turn=$(jq -r .turnId <<<"$status")
  [ "$turn" != "null" ] || { echo "submission refused: $status" >&2; exit 1; }
  for _ in $(seq 1 120); do
    body=$(curl -sS "$url/api/v1/turns/$turn" -H "Authorization: Bearer $key")
    case "$(jq -r .status <<<"$body")" in completed|failed) break ;; esac
    sleep 0.5
  done
  jq '{status, transcript: .transcript.text, reply: .reply.text, source: .reply.source, timingsMs, error}' <<<"$body"
  if [ "$(jq -r .replyAudio <<<"$body")" != "null" ]; then
    local out="$data_root/reply-$turn.$( [ "$(jq -r .replyAudio.contentType <<<"$body")" = audio/mpeg ] && echo mp3 || echo wav)"
    curl -sS "$url/api/v1/turns/$turn/audio" -H "Authorization: Bearer $key" -o "$out"
    echo "reply audio: $out" >&2
  fi
}

say "Hello, my name is Alice and I am allergic to peanuts."
say "What am I allergic to?"

echo >&2
echo "== what the companion remembers" >&2
curl -sS "$url/api/v1/memories" -H "Authorization: Bearer $key" | jq -c '.items[] | {text, kind}'
echo >&2
echo "The server log is at $data_root/server.log; the API key for this data root: $key" >&2
