#!/usr/bin/env bash
# The release, as an operator installs it (issue 15), with real parts on 127.0.0.1:
#   1. `npm pack`; `npm install --omit=dev ./gongkai-*.tgz` in an empty folder (no tsx, no sources);
#   2. from `/`, on a new data folder: `gongkai migrate`, `gongkai serve` (production), the home page,
#      `gongkai backup` while it serves, a catalogue import whose PDF attachment's text is then found;
#   3. Debian's nginx with deploy/nginx/gongkai.conf (ports, paths and the upload limit adapted) in front:
#      the client address recorded from the proxy's header, a spoofed X-Forwarded-For not believed
#      (through nginx, and sent straight to the application), the upload limit (413 from nginx), gzip,
#      the long cache header of versioned static files.
# Every step has a timeout; everything started is stopped and the temporary folder removed on exit.
# Run from a checkout: `bash scripts/ci-release.sh` (needs network for npm install, nginx, curl).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

WORK=$(mktemp -d /tmp/gk-release.XXXXXX)
chmod 755 "$WORK" # nginx's workers (nobody) read public/ from the installed package
SERVER_PID=""
NGINX_CONF=""
cleanup() {
  local rc=$?
  [ -n "$NGINX_CONF" ] && [ -f "$WORK/nginx/nginx.pid" ] && nginx -c "$NGINX_CONF" -s stop 2>/dev/null || true
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  if [ $rc -ne 0 ]; then
    echo "---- server log" && tail -n 40 "$WORK/server.log" 2>/dev/null || true
    echo "---- nginx error log" && tail -n 20 "$WORK/nginx/error.log" 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT

ok() { echo "  ok: $*"; }
die() { echo "  FAILED: $*" >&2; exit 1; }
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
# curl with a time limit; the client connects from 127.0.0.3 (an "outside" address, not the proxy's).
get() { curl -sS --max-time 15 --interface 127.0.0.3 "$@"; }

echo "== npm pack"
TGZ=$(timeout 300 npm pack --silent --pack-destination "$WORK" | tail -n 1)
[ -f "$WORK/$TGZ" ] || die "npm pack made no tarball"
tar -tzf "$WORK/$TGZ" > "$WORK/files.txt"
grep -q '^package/dist/cli/main.js$' "$WORK/files.txt" || die "the tarball lacks dist/"
grep -q '^package/public/css/site.css$' "$WORK/files.txt" || die "the tarball lacks public/"
grep -q '^package/dist/platform/db/migrations/' "$WORK/files.txt" || die "the tarball lacks the migrations"
grep -q '^package/npm-shrinkwrap.json$' "$WORK/files.txt" || die "the tarball lacks npm-shrinkwrap.json (the tested dependency versions)"
! grep -q '^package/src/' "$WORK/files.txt" || die "the tarball ships the TypeScript sources"
ok "$TGZ: $(wc -l < "$WORK/files.txt") files, $(du -k "$WORK/$TGZ" | cut -f1) KiB"

echo "== npm install --omit=dev in an empty folder (better-sqlite3 compiles from source)"
mkdir "$WORK/install"
# Its own package.json, so that npm never takes an enclosing folder for the project.
# better-sqlite3 builds its native module at install (npm 11 asks that install scripts be allowed).
echo '{ "private": true, "allowScripts": { "better-sqlite3": true } }' > "$WORK/install/package.json"
(cd "$WORK/install" && timeout 900 npm install --omit=dev --no-audit --no-fund "$WORK/$TGZ" > "$WORK/npm-install.log" 2>&1) || { tail -n 30 "$WORK/npm-install.log"; die "npm install"; }
[ ! -e "$WORK/install/node_modules/tsx" ] || die "tsx was installed with --omit=dev"
[ ! -e "$WORK/install/node_modules/esbuild" ] || die "esbuild was installed with --omit=dev"
GK="$WORK/install/node_modules/.bin/gongkai"
PKG="$WORK/install/node_modules/gongkai"
ok "installed in $WORK/install"

APP_PORT=$(free_port)
NGINX_PORT=$(free_port)
export GONGKAI_ENV=production GONGKAI_PUBLIC_URL="http://127.0.0.1:$NGINX_PORT" GONGKAI_DATA_DIR="$WORK/data" \
  GONGKAI_HOST=127.0.0.1 GONGKAI_PORT="$APP_PORT" GONGKAI_TRUST_PROXY=127.0.0.2 GONGKAI_UPLOAD_LIMIT_MB=2 \
  GONGKAI_LOG_LEVEL=info GONGKAI_JOBS=off
unset GONGKAI_DB GONGKAI_DATABASE_URL GONGKAI_CONFIG_FILE

echo "== gongkai from /"
cd /
help=$(timeout 30 "$GK" --help) && grep -q 'serve' <<< "$help" || die "gongkai --help"
out=$(timeout 120 "$GK" migrate) || die "gongkai migrate: $out"
grep -q '已执行迁移' <<< "$out" || die "migrate on a new data folder: $out"
ok "migrate on a new data folder"

"$GK" serve > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -sf --max-time 2 "http://127.0.0.1:$APP_PORT/readyz" > /dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || die "gongkai serve exited"
  sleep 0.5
done
curl -sf --max-time 5 "http://127.0.0.1:$APP_PORT/readyz" > /dev/null || die "gongkai serve not ready within 60 s"
home=$(curl -sS --max-time 15 -w '\n%{http_code}' "http://127.0.0.1:$APP_PORT/")
[ "$(tail -n 1 <<< "$home")" = 200 ] || die "home page: HTTP $(tail -n 1 <<< "$home")"
grep -q '政府信息公开' <<< "$home" || die "home page without its content"
ok "serve (started from /) answers the home page"

timeout 60 "$GK" backup "$WORK/backup.db" > /dev/null || die "gongkai backup"
[ "$(head -c 15 "$WORK/backup.db")" = "SQLite format 3" ] || die "the backup is not an SQLite file"
out=$(timeout 60 "$GK" migrate) && grep -q '数据库已是最新版本' <<< "$out" || die "migrate on a current database: $out"
ok "backup while serving; migrate again is a no-op"

# A catalogue import with a PDF attachment: its text is read by PDF.js with the CMaps of the installed
# pdfjs-dist; the phrase searched appears only on the PDF's second page.
cp "$ROOT/src/search/fixtures/notice.pdf" "$WORK/notice.pdf"
(cd "$PKG" && node -e "
  const fs = require('fs'); const zip = new (require('jszip'))();
  zip.file('通知.pdf', fs.readFileSync(process.argv[1]));
  zip.generateAsync({ type: 'nodebuffer' }).then((b) => fs.writeFileSync(process.argv[2], b));
" "$WORK/notice.pdf" "$WORK/attachments.zip")
printf '索引号,名称,发布日期,成文日期,生成日期,体裁,目录分类,有效性,附件\n000014349/2024-00001,关于河长制工作的通知,2024-03-05,2024-03-01,2024-03-01,通知,政策文件,有效,通知.pdf\n' > "$WORK/items.csv"
out=$(timeout 120 "$GK" catalog import 1 "$WORK/items.csv" --zip "$WORK/attachments.zip") && grep -q '新增 1 条' <<< "$out" || die "catalog import: $out"
out=$(timeout 60 "$GK" search query 乡村振兴) && grep -q '关于河长制工作的通知' <<< "$out" || die "the PDF attachment's text is not searchable: $out"
ok "catalogue import with a PDF attachment; its text (second page) is found by search"
cd "$ROOT"

echo "== nginx (deploy/nginx/gongkai.conf) in front"
mkdir -p "$WORK/nginx"
sed -e "s#server 127.0.0.1:3000;#server 127.0.0.1:$APP_PORT;#" \
  -e "s#listen 80;#listen 127.0.0.1:$NGINX_PORT;#" -e '/listen \[::\]:80;/d' \
  -e "s#client_max_body_size 51m;#client_max_body_size 3m;#" \
  -e "s#/opt/gongkai/node_modules/gongkai/public/#$PKG/public/#" \
  -e "s#proxy_pass http://gongkai;#proxy_pass http://gongkai;\n        proxy_bind 127.0.0.2;#" \
  deploy/nginx/gongkai.conf > "$WORK/nginx/site.conf"
grep -q "proxy_bind 127.0.0.2" "$WORK/nginx/site.conf" && grep -q "listen 127.0.0.1:$NGINX_PORT" "$WORK/nginx/site.conf" || die "adapting the site configuration"
NGINX_CONF="$WORK/nginx/nginx.conf"
cat > "$NGINX_CONF" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $WORK/nginx/access.log;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  include $WORK/nginx/site.conf;
}
CONF
timeout 10 nginx -t -q -c "$NGINX_CONF" || die "nginx -t"
timeout 10 nginx -c "$NGINX_CONF" || die "starting nginx"
NGX="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 1 50); do curl -sf --max-time 2 "$NGX/readyz" > /dev/null && break; sleep 0.1; done

page=$(get -w '\n%{http_code}' "$NGX/")
[ "$(tail -n 1 <<< "$page")" = 200 ] && grep -q '政府信息公开' <<< "$page" || die "home page through nginx"
enc=$(get -o /dev/null -w '%header{content-encoding}' -H 'Accept-Encoding: gzip' "$NGX/")
[ "$enc" = gzip ] || die "home page not gzip-compressed through nginx (content-encoding: '$enc')"
get -H 'Accept-Encoding: gzip' -o "$WORK/home.gz" "$NGX/" && gunzip -c "$WORK/home.gz" > "$WORK/home.html" && grep -q '政府信息公开' "$WORK/home.html" || die "the gzip body does not decompress to the page"
ok "home page through nginx, gzip-compressed"
code=$(get -o /dev/null -w '%{http_code}' "$NGX/metrics")
[ "$code" = 403 ] || die "/metrics through nginx: HTTP $code, expected 403"
ok "/metrics is not served to the public"

# A failed sign-in through nginx; the address Gongkai records for it is the last row of login_attempts.
recorded_ip() {
  local base=$1; shift
  local jar="$WORK/cookies.txt" form csrf
  rm -f "$jar"
  form=$(get -c "$jar" "$@" "$base/console/login")
  csrf=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/;T;p;q' <<< "$form")
  [ -n "$csrf" ] || die "no CSRF token on the sign-in form"
  get -b "$jar" -o /dev/null "$@" --data-urlencode "_csrf=$csrf" --data-urlencode username=nobody --data-urlencode password=wrong "$base/console/login"
  (cd "$PKG" && node -e "
    const db = new (require('better-sqlite3'))(process.argv[1], { readonly: true });
    console.log(db.prepare('select ip from login_attempts order by id desc limit 1').get()?.ip ?? '');
  " "$WORK/data/gongkai.db")
}
ip=$(recorded_ip "$NGX")
[ "$ip" = 127.0.0.3 ] || die "through nginx, the recorded client address is '$ip', not the client's 127.0.0.3"
ok "client address recorded from nginx's X-Forwarded-For (127.0.0.3, not the proxy's 127.0.0.2)"
ip=$(recorded_ip "$NGX" -H 'X-Forwarded-For: 6.6.6.6')
[ "$ip" = 127.0.0.3 ] || die "a client's own X-Forwarded-For passed through nginx: recorded '$ip'"
ip=$(recorded_ip "http://127.0.0.1:$APP_PORT" -H 'X-Forwarded-For: 6.6.6.6')
[ "$ip" = 127.0.0.3 ] || die "X-Forwarded-For sent straight to the application was believed: recorded '$ip'"
ok "a spoofed X-Forwarded-For is not believed (through nginx, or straight to the application)"

head -c $((4 * 1024 * 1024)) /dev/zero > "$WORK/big.bin"
resp=$(get -w '\n%{http_code}' -H 'Content-Type: application/octet-stream' --data-binary "@$WORK/big.bin" "$NGX/console/login")
[ "$(tail -n 1 <<< "$resp")" = 413 ] && grep -qi 'nginx' <<< "$resp" || die "4 MB body through nginx: expected nginx's 413, got HTTP $(tail -n 1 <<< "$resp")"
ok "a body over client_max_body_size is refused by nginx (413)"

css=$(sed -n 's/.*href="\(\/static\/css\/site\.css?v=[0-9a-f]*\)".*/\1/;T;p;q' <<< "$page")
[ -n "$css" ] || die "no versioned stylesheet link on the home page"
cc=$(get -o "$WORK/site.css" -w '%{http_code} %header{cache-control}' "$NGX$css")
[ "$cc" = "200 public, max-age=31536000, immutable" ] || die "versioned stylesheet through nginx: '$cc'"
cmp -s "$WORK/site.css" "$PKG/public/css/site.css" || die "nginx served another stylesheet"
cc=$(get -o /dev/null -w '%{http_code} %header{cache-control}' "$NGX/static/css/site.css")
[ "$cc" = "200 public, max-age=3600" ] || die "unversioned stylesheet through nginx: '$cc'"
ok "versioned static files: a year, immutable; unversioned: an hour"

echo "== release checks passed"
