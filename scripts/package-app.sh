#!/usr/bin/env bash
# Builds the Teams app package (the .zip an administrator uploads to Teams) from manifest/.
#
#   scripts/package-app.sh --app-id <guid> --domain <host> [options]
#
# Every option can also come from an environment variable:
#   --app-id          MICROSOFT_APP_ID        the bot's app id: the managed identity's client id, or the
#                                             app registration's id (deployment output `botAppId`). Required.
#   --domain          BOT_DOMAIN              the web app's host name, e.g. concernbot-abc123.azurewebsites.net. Required.
#   --teams-app-id    TEAMS_APP_ID            the Teams app's own id (default: the bot's app id)
#   --developer-name  DEVELOPER_NAME          your organisation's name, at most 32 characters (default: ConcernBot)
#   --website-url     DEVELOPER_WEBSITE_URL   your support page (default: https://<domain>/)
#   --privacy-url     DEVELOPER_PRIVACY_URL   your privacy notice (default: https://<domain>/privacy)
#   --terms-url       DEVELOPER_TERMS_URL     your terms of use (default: https://<domain>/terms)
#   --output          PACKAGE_OUTPUT          the zip to write (default: artifacts/ConcernBot-teams-app.zip)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
  sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

app_id="${MICROSOFT_APP_ID:-}"
domain="${BOT_DOMAIN:-}"
teams_app_id="${TEAMS_APP_ID:-}"
developer_name="${DEVELOPER_NAME:-}"
website_url="${DEVELOPER_WEBSITE_URL:-}"
privacy_url="${DEVELOPER_PRIVACY_URL:-}"
terms_url="${DEVELOPER_TERMS_URL:-}"
output="${PACKAGE_OUTPUT:-$repo_root/artifacts/ConcernBot-teams-app.zip}"

while [[ $# -gt 0 ]]; do
  if [[ "$1" != -h && "$1" != --help && $# -lt 2 ]]; then echo "Option $1 needs a value" >&2; usage; fi
  case "$1" in
    --app-id) app_id="${2:-}"; shift 2 ;;
    --domain) domain="${2:-}"; shift 2 ;;
    --teams-app-id) teams_app_id="${2:-}"; shift 2 ;;
    --developer-name) developer_name="${2:-}"; shift 2 ;;
    --website-url) website_url="${2:-}"; shift 2 ;;
    --privacy-url) privacy_url="${2:-}"; shift 2 ;;
    --terms-url) terms_url="${2:-}"; shift 2 ;;
    --output) output="${2:-}"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "Unknown option: $1" >&2; usage ;;
  esac
done

die() { echo "package-app: $*" >&2; exit 1; }

guid_pattern='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
[[ -n "$app_id" ]] || die "the bot's app id is required (--app-id or MICROSOFT_APP_ID)"
[[ "$app_id" =~ $guid_pattern ]] || die "the bot's app id must be a GUID, got '$app_id'"
teams_app_id="${teams_app_id:-$app_id}"
[[ "$teams_app_id" =~ $guid_pattern ]] || die "the Teams app id must be a GUID, got '$teams_app_id'"

# Accept https://host/ as well as host; the manifest wants the bare host name.
domain="${domain#https://}"
domain="${domain%/}"
[[ -n "$domain" ]] || die "the bot's domain is required (--domain or BOT_DOMAIN)"
[[ "$domain" =~ ^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$ ]] \
  || die "the domain must be a host name such as concernbot.azurewebsites.net, got '$domain'"

developer_name="${developer_name:-ConcernBot}"
[[ ${#developer_name} -le 32 ]] || die "the developer name must be at most 32 characters"
defaulted=()
[[ -n "$website_url" ]] || { website_url="https://$domain/"; defaulted+=(website); }
[[ -n "$privacy_url" ]] || { privacy_url="https://$domain/privacy"; defaulted+=(privacy); }
[[ -n "$terms_url" ]] || { terms_url="https://$domain/terms"; defaulted+=(terms); }
for url in "$website_url" "$privacy_url" "$terms_url"; do
  [[ "$url" =~ ^https://[^[:space:]]+$ ]] || die "developer links must be https:// addresses, got '$url'"
done
if [[ ${#defaulted[@]} -gt 0 ]]; then
  echo "package-app: note: using default ${defaulted[*]} link(s) on $domain; set your organisation's own pages before publishing." >&2
fi

command -v python3 >/dev/null || die "python3 is needed to write the package (apt-get install python3)"

mkdir -p "$(dirname "$output")"

TEAMS_APP_ID="$teams_app_id" MICROSOFT_APP_ID="$app_id" BOT_DOMAIN="$domain" \
DEVELOPER_NAME="$developer_name" DEVELOPER_WEBSITE_URL="$website_url" \
DEVELOPER_PRIVACY_URL="$privacy_url" DEVELOPER_TERMS_URL="$terms_url" \
python3 - "$repo_root/manifest" "$output" <<'PY'
import json, os, re, sys, zipfile

manifest_dir, output = sys.argv[1], sys.argv[2]
with open(os.path.join(manifest_dir, 'manifest.json'), encoding='utf-8') as f:
    text = f.read()

names = ['TEAMS_APP_ID', 'MICROSOFT_APP_ID', 'BOT_DOMAIN', 'DEVELOPER_NAME',
         'DEVELOPER_WEBSITE_URL', 'DEVELOPER_PRIVACY_URL', 'DEVELOPER_TERMS_URL']
for name in names:
    # Values land inside JSON strings: escape them as JSON would.
    text = text.replace('${{' + name + '}}', json.dumps(os.environ[name])[1:-1])

left = re.findall(r'\$\{\{[A-Z_]+\}\}', text)
if left:
    sys.exit('package-app: manifest.json has placeholders nobody fills: ' + ', '.join(sorted(set(left))))
json.loads(text)  # fail loudly on a broken manifest rather than ship it

# Fixed timestamps keep the package byte-for-byte reproducible.
with zipfile.ZipFile(output, 'w') as z:
    for name, data in [('manifest.json', text.encode('utf-8')),
                       ('color.png', open(os.path.join(manifest_dir, 'color.png'), 'rb').read()),
                       ('outline.png', open(os.path.join(manifest_dir, 'outline.png'), 'rb').read())]:
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        z.writestr(info, data)
PY

echo "Wrote $output"
