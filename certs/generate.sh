#!/usr/bin/env bash
# Creates the certificates the admission webhook needs, with openssl only:
#   ca.crt / ca.key          a private CA (its certificate is the caBundle of the webhook configurations)
#   server.crt / server.key  the serving certificate for <service>.<namespace>.svc, the .cluster.local name,
#                            localhost and 127.0.0.1 (for local runs)
#   client.crt / client.key  the certificate the API server presents (--client-ca-file ca.crt on the webhook;
#                            an AdmissionConfiguration kubeconfig on the API server)
# Then prints the caBundle (base64 of ca.crt). Production clusters should use cert-manager instead (README).
# Keys are written 0600. Existing keys in --out are never replaced unless --force is given.
set -euo pipefail

service=apisix-webhook
namespace=apisix
out=certs/out
days=365
force=false

usage() {
  echo "usage: $0 [--service NAME] [--namespace NS] [--out DIR] [--days N] [--force]" >&2
  exit 2
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --service) service=${2:?}; shift 2 ;;
    --namespace) namespace=${2:?}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    --days) days=${2:?}; shift 2 ;;
    --force) force=true; shift ;;
    -h|--help) usage ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done

# DNS-1123 labels only: the names end up in a certificate and in a subjectAltName extension.
label='^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$'
[[ $service =~ $label ]] || { echo "--service must be a DNS-1123 label: $service" >&2; exit 2; }
[[ $namespace =~ $label ]] || { echo "--namespace must be a DNS-1123 label: $namespace" >&2; exit 2; }
[[ $days =~ ^[1-9][0-9]{0,4}$ ]] || { echo "--days must be a positive number: $days" >&2; exit 2; }

command -v openssl >/dev/null || { echo "openssl is required" >&2; exit 1; }
if [[ $force != true ]]; then
  for key in ca server client; do
    if [[ -e "$out/$key.key" ]]; then
      echo "$out/$key.key exists: not replacing keys that may be in use (pass --force to replace them)" >&2
      exit 1
    fi
  done
fi
mkdir -p "$out"
umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dns="$service.$namespace.svc"

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 -days "$days" \
  -subj "/CN=apisix-webhook-ca" \
  -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout "$out/ca.key" -out "$out/ca.crt" 2>/dev/null

issue() { # name subject extensions
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -sha256 \
    -subj "$2" -keyout "$out/$1.key" -out "$work/$1.csr" 2>/dev/null
  printf '%s\n' "$3" > "$work/$1.ext"
  openssl x509 -req -sha256 -days "$days" -in "$work/$1.csr" \
    -CA "$out/ca.crt" -CAkey "$out/ca.key" -CAcreateserial -CAserial "$work/ca.srl" \
    -extfile "$work/$1.ext" -out "$out/$1.crt" 2>/dev/null
}

issue server "/CN=$dns" "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:$dns,DNS:$dns.cluster.local,DNS:localhost,IP:127.0.0.1"

issue client "/CN=kube-apiserver-admission" "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth"

openssl verify -CAfile "$out/ca.crt" "$out/server.crt" "$out/client.crt" >/dev/null
chmod 600 "$out"/*.key
chmod 644 "$out"/*.crt

echo "wrote $out/{ca,server,client}.{crt,key} for $dns" >&2
echo "caBundle:" >&2
base64 -w0 < "$out/ca.crt"
echo
