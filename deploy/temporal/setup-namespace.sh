#!/bin/sh
# One-shot job (temporalio/admin-tools): once the server answers, creates the namespace if it
# does not exist and registers Ventanilla's custom search attributes (domain/temporal.ts
# SEARCH_ATTRIBUTES, passed in as "Name=Type ..."). Re-running it changes nothing.
set -eu
: "${TEMPORAL_ADDRESS:=temporal:7233}" "${TEMPORAL_NAMESPACE:=default}" "${TEMPORAL_RETENTION:=720h}"
: "${SEARCH_ATTRIBUTES:?list the search attributes as Name=Type ...}"
t() { temporal --address "$TEMPORAL_ADDRESS" "$@"; }

i=0
until t operator cluster health >/dev/null 2>&1; do
  i=$((i + 1)); [ "$i" -lt 90 ] || { echo "Temporal at $TEMPORAL_ADDRESS is not healthy" >&2; exit 1; }
  sleep 2
done
echo "Temporal at $TEMPORAL_ADDRESS is healthy"

if t operator namespace describe --namespace "$TEMPORAL_NAMESPACE" >/dev/null 2>&1; then
  echo "namespace $TEMPORAL_NAMESPACE exists"
else
  t operator namespace create --namespace "$TEMPORAL_NAMESPACE" --retention "$TEMPORAL_RETENTION"
  echo "created namespace $TEMPORAL_NAMESPACE (retention $TEMPORAL_RETENTION)"
fi

for spec in $SEARCH_ATTRIBUTES; do
  name=${spec%%=*} type=${spec#*=}
  # A new namespace takes a few seconds to reach every server cache: retry "not found" a while.
  i=0
  while :; do
    if out=$(t operator search-attribute create --namespace "$TEMPORAL_NAMESPACE" --name "$name" --type "$type" 2>&1); then
      echo "search attribute $name ($type) created"; break
    fi
    case "$out" in
      *"different type"*) echo "$out" >&2; echo "search attribute $name exists with another type: fix it by hand" >&2; exit 1 ;;
      *[Aa]lready*exist*) echo "search attribute $name exists"; break ;;
    esac
    i=$((i + 1))
    if [ "$i" -ge 30 ]; then echo "$out" >&2; echo "could not create search attribute $name" >&2; exit 1; fi
    sleep 2
  done
done
echo "namespace $TEMPORAL_NAMESPACE is ready"
