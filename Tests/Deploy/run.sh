#!/usr/bin/env bash
# Tests the recipes of docs/deploy/ (see docs/testing.md): nginx and Apache serve the committed Public/ with
# the recipes' own configuration, changed only in the folder and the port; the GitHub Pages workflow builds
# with the README's command; Netlify's commands build the site; the S3 website configuration names the
# site's index and 404 pages, and the README's S3 commands put the site in a bucket of a local S3 server. Needs nginx, apache2, curl, python3 with PyYAML, and the generator
# ($TIMELINE, by default .build/debug/timeline). Exits 1 after every check has run if any failed.
set -uo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
deploy="$repo/docs/deploy"
public="$repo/Public"
timeline="${TIMELINE:-$repo/.build/debug/timeline}"
case "$timeline" in /*) ;; *) timeline="$repo/$timeline" ;; esac
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

for tool in nginx apache2 curl python3; do
  command -v "$tool" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin"
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool is missing (apt-get install nginx apache2 curl python3-yaml)" >&2; exit 1; }
done
[ -x "$timeline" ] || { echo "error: no generator at $timeline; run 'swift build' or set TIMELINE" >&2; exit 1; }

tmp="$(mktemp -d)"
chmod 755 "$tmp"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Waits until a server answers on the port, or says what its log holds.
wait_for() {
  local port=$1 log=$2
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0
    sleep 0.1
  done
  fail "no server answers on port $port: $(cat "$log" 2>/dev/null)"
  return 1
}

# expect NAME URL STATUS TYPE FILE: the answer has that status and Content-Type, and the file's bytes.
expect() {
  local name=$1 url=$2 status=$3 type=$4 file=$5 got
  got="$(curl -s -o "$tmp/body" -w '%{http_code} %{content_type}' "$url")" || { fail "$name: $url: no answer"; return; }
  if [ "$got" != "$status $type" ]; then fail "$name: $url answered '$got', not '$status $type'"; return; fi
  if ! cmp -s "$tmp/body" "$file"; then fail "$name: $url: the body is not ${file#"$repo"/}"; return; fi
  pass "$name: $url: $got, ${file#"$repo"/}"
}

entry="$(cd "$public/entries" && ls | head -n 1)"

# check_site NAME BASE JS_TYPE: the pages of Public/ at their addresses, and its 404 page for missing ones.
check_site() {
  local name=$1 base=$2 js=$3
  expect "$name" "$base/" 200 "text/html; charset=utf-8" "$public/index.html"
  expect "$name" "$base/entries/$entry" 200 "text/html; charset=utf-8" "$public/entries/$entry"
  expect "$name" "$base/assets/style.css" 200 "text/css; charset=utf-8" "$public/assets/style.css"
  expect "$name" "$base/search-index.js" 200 "$js; charset=utf-8" "$public/search-index.js"
  expect "$name" "$base/facts.csv" 200 "text/csv; charset=utf-8" "$public/facts.csv"
  expect "$name" "$base/no-such-page.html" 404 "text/html; charset=utf-8" "$public/404.html"
  expect "$name" "$base/entries/no-such-entry.html" 404 "text/html; charset=utf-8" "$public/404.html"
}

# --- nginx: docs/deploy/nginx.conf in an http block like Debian's, its root and port replaced.
mkdir -p "$tmp/nginx/logs" "$tmp/site"
cp -R "$public" "$tmp/site/Public"
chmod -R a+rX "$tmp/site"
port="$(free_port)"
sed -e "s|/srv/timeline/Public|$tmp/site/Public|" -e "s|listen 80;|listen 127.0.0.1:$port;|" "$deploy/nginx.conf" > "$tmp/nginx/server.conf"
grep -q "root $tmp/site/Public;" "$tmp/nginx/server.conf" && grep -q "listen 127.0.0.1:$port;" "$tmp/nginx/server.conf" \
  || fail "nginx.conf no longer has 'root /srv/timeline/Public;' and 'listen 80;' for the test to replace"
cat > "$tmp/nginx/nginx.conf" <<EOF
daemon off;
master_process off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log;
events {}
http {
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    include $tmp/nginx/server.conf;
}
EOF
cp /etc/nginx/mime.types "$tmp/nginx/mime.types"
nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" >"$tmp/nginx/logs/stderr.log" 2>&1 &
pids+=($!)
if wait_for "$port" "$tmp/nginx/logs/stderr.log"; then
  check_site nginx "http://127.0.0.1:$port" application/javascript
fi

# --- Apache: docs/deploy/apache.htaccess in the published folder, with AllowOverride FileInfo; once at the
# domain's root, once under /haiti/ with the ErrorDocument path the recipe gives for that case.
root_port="$(free_port)"
sub_port="$(free_port)"
mkdir -p "$tmp/apache/run" "$tmp/apache/root" "$tmp/apache/sub"
cp -R "$public" "$tmp/apache/root/Public"
cp "$deploy/apache.htaccess" "$tmp/apache/root/Public/.htaccess"
cp -R "$public" "$tmp/apache/sub/haiti"
sed "s|^ErrorDocument 404 /404.html$|ErrorDocument 404 /haiti/404.html|" "$deploy/apache.htaccess" > "$tmp/apache/sub/haiti/.htaccess"
grep -q "^ErrorDocument 404 /haiti/404.html$" "$tmp/apache/sub/haiti/.htaccess" || fail "apache.htaccess no longer has 'ErrorDocument 404 /404.html'"
grep -q "ErrorDocument 404 /haiti/404.html" "$deploy/apache.htaccess" || fail "apache.htaccess does not say how to name 404.html under a path"
chmod -R a+rX "$tmp/apache"
modules=/usr/lib/apache2/modules
cat > "$tmp/apache/httpd.conf" <<EOF
ServerName localhost
DefaultRuntimeDir $tmp/apache/run
PidFile $tmp/apache/run/httpd.pid
ErrorLog $tmp/apache/error.log
LoadModule mpm_event_module $modules/mod_mpm_event.so
LoadModule authz_core_module $modules/mod_authz_core.so
LoadModule mime_module $modules/mod_mime.so
LoadModule dir_module $modules/mod_dir.so
TypesConfig /etc/mime.types
DirectoryIndex index.html
Listen 127.0.0.1:$root_port
Listen 127.0.0.1:$sub_port
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory $tmp/apache>
    AllowOverride FileInfo
    Require all granted
</Directory>
<VirtualHost 127.0.0.1:$root_port>
    DocumentRoot $tmp/apache/root/Public
</VirtualHost>
<VirtualHost 127.0.0.1:$sub_port>
    DocumentRoot $tmp/apache/sub
</VirtualHost>
EOF
apache2 -f "$tmp/apache/httpd.conf" -DFOREGROUND >"$tmp/apache/stderr.log" 2>&1 &
pids+=($!)
if wait_for "$root_port" "$tmp/apache/stderr.log"; then
  check_site apache "http://127.0.0.1:$root_port" text/javascript
fi
if wait_for "$sub_port" "$tmp/apache/stderr.log"; then
  check_site "apache under /haiti/" "http://127.0.0.1:$sub_port/haiti" text/javascript
fi

# --- GitHub Pages, Netlify and S3: the files parse and say what the README and the site need.
python3 - "$repo" "$timeline" "$tmp/netlify" <<'EOF' || failures=$((failures + 1))
import json, os, re, shutil, subprocess, sys, tomllib
import yaml

repo, timeline, work = sys.argv[1:4]
deploy = os.path.join(repo, "docs", "deploy")
failed = []

def check(condition, what):
    print(("ok: " if condition else "FAIL: ") + what, file=sys.stdout if condition else sys.stderr)
    if not condition:
        failed.append(what)

readme = open(os.path.join(repo, "README.md"), encoding="utf-8").read()
# The README's build command: the first line of its first block of commands, without the comment.
first_block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
build_command = first_block.splitlines()[0].split("#", 1)[0].strip()
check(build_command == "make site", f"the README's build command is 'make site' (found '{build_command}')")

workflow = yaml.safe_load(open(os.path.join(deploy, "github-pages.yml"), encoding="utf-8"))
jobs = workflow["jobs"]
steps = jobs["build"]["steps"]
runs = [step for step in steps if "run" in step]
build = [step for step in runs if step.get("name") == "Build"]
check(len(build) == 1 and build[0]["run"].strip() == build_command,
      f"github-pages.yml builds with the README's command: {[step['run'] for step in runs]}")
uses = {step["uses"].split("@")[0]: step for step in steps if "uses" in step}
check(uses.get("actions/upload-pages-artifact", {}).get("with", {}).get("path") == "Public",
      "github-pages.yml uploads Public/ with actions/upload-pages-artifact")
check(uses.get("actions/configure-pages", {}).get("id") == "pages"
      and build and build[0].get("env", {}).get("TIMELINE_BASE_URL") == "${{ steps.pages.outputs.base_url }}",
      "github-pages.yml builds for the address actions/configure-pages gives")
deploy_steps = jobs["deploy"]["steps"]
check(any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy_steps) and jobs["deploy"]["needs"] == "build",
      "github-pages.yml deploys with actions/deploy-pages after the build")
check(workflow["permissions"].get("pages") == "write" and workflow["permissions"].get("id-token") == "write",
      "github-pages.yml has the permissions actions/deploy-pages needs")

netlify = tomllib.load(open(os.path.join(deploy, "netlify.toml"), "rb"))
check(netlify["build"]["publish"] == "Public", "netlify.toml publishes Public/")
# Netlify's commands, run in a copy of the site with bin/timeline the generator, as Netlify's shell runs them.
os.makedirs(os.path.join(work, "bin"))
os.symlink(timeline, os.path.join(work, "bin", "timeline"))
for folder in ["Content", "Templates"]:
    if os.path.isdir(os.path.join(repo, folder)):
        shutil.copytree(os.path.join(repo, folder), os.path.join(work, folder))
def netlify_build(command, environment):
    return subprocess.run(["bash", "-c", command], cwd=work, env=dict(os.environ, **environment), capture_output=True, text=True)
done = netlify_build(netlify["build"]["command"], {})
check(done.returncode == 0, "netlify.toml's build command builds the site" + (f": {done.stderr.strip()}" if done.returncode else ""))
same = subprocess.run(["diff", "-r", os.path.join(work, "Public"), os.path.join(repo, "Public")], capture_output=True, text=True)
check(same.returncode == 0, "netlify.toml's build command writes the committed Public/" + (f": {(same.stdout + same.stderr)[:500]}" if same.returncode else ""))
preview_url = "https://deploy-preview-7--example.netlify.app"
done = netlify_build(netlify["context"]["deploy-preview"]["command"], {"DEPLOY_PRIME_URL": preview_url})
index = open(os.path.join(work, "Public", "index.html"), encoding="utf-8").read() if done.returncode == 0 else ""
check(f'<link rel="canonical" href="{preview_url}/">' in index,
      "netlify.toml's deploy-preview command builds for the preview's address" + (f": {done.stderr.strip()}" if done.returncode else ""))

website = json.load(open(os.path.join(deploy, "s3-website.json"), encoding="utf-8"))
check(website["ErrorDocument"]["Key"] == "404.html" and os.path.isfile(os.path.join(repo, "Public", "404.html")),
      "s3-website.json sends Public/404.html for missing addresses")
check(website["IndexDocument"]["Suffix"] == "index.html" and os.path.isfile(os.path.join(repo, "Public", "index.html")),
      "s3-website.json serves index.html for a folder's address")
section = readme.split("\n## Deploying\n", 1)[-1].split("\n## ", 1)[0]
check("s3-website.json" in section and re.search(r"aws s3 sync Public/ s3://\S+ --delete", section) is not None,
      "the README's Deploying section syncs Public/ and uses s3-website.json")
for name in ["github-pages.yml", "netlify.toml", "nginx.conf", "apache.htaccess", "s3-website.json"]:
    check(f"docs/deploy/{name}" in section, f"the README's Deploying section names docs/deploy/{name}")
sys.exit(1 if failed else 0)
EOF

# The README's S3 commands, as written but for the bucket's name, against a local S3 server (moto) with the
# AWS command line, both from PyPI, pinned, in Tests/Deploy/.venv.
s3_commands=(
  'aws s3 sync Public/ s3://BUCKET/ --delete'
  'aws s3api put-bucket-website --bucket BUCKET --website-configuration file://docs/deploy/s3-website.json'
)
readme_commands="$(awk '/^```sh/{f=1;next}/^```/{f=0}f && /^aws /' "$repo/README.md" | sed 's/ *#.*//')"
if [ "$readme_commands" = "$(printf '%s\n' "${s3_commands[@]}")" ]; then
  pass "the README's S3 commands are the ones run here"
else
  fail "the README's S3 commands differ from those run here: $readme_commands"
fi
venv="$repo/Tests/Deploy/.venv"
if [ ! -x "$venv/bin/moto_server" ]; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q awscli==1.46.3 'moto[server]==5.2.6' \
    || { fail "cannot install the AWS command line and moto from PyPI"; rm -rf "$venv"; }
fi
if [ -x "$venv/bin/moto_server" ]; then
  s3_port="$(free_port)"
  "$venv/bin/moto_server" -p "$s3_port" > "$tmp/moto.log" 2>&1 &
  pids+=($!)
  if wait_for "$s3_port" "$tmp/moto.log"; then
    export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_ENDPOINT_URL="http://127.0.0.1:$s3_port"
    aws="$venv/bin/aws"
    "$aws" s3 mb s3://timeline-test > /dev/null
    echo stale > "$tmp/stale.html"
    "$aws" s3 cp "$tmp/stale.html" s3://timeline-test/entries/stale.html > /dev/null
    ran=0
    for command in "${s3_commands[@]}"; do
      (cd "$repo" && PATH="$venv/bin:$PATH" bash -c "${command//BUCKET/timeline-test}") > "$tmp/s3.log" 2>&1 || { fail "$command: $(tail -3 "$tmp/s3.log")"; ran=1; }
    done
    if [ "$ran" = 0 ]; then
      objects="$("$aws" s3 ls s3://timeline-test --recursive | awk '{print $4}' | sort)"
      files="$(cd "$public" && find . -type f | sed 's|^\./||' | sort)"
      if [ "$objects" = "$files" ]; then pass "aws s3 sync put every file of Public/ in the bucket and removed the stale one"; else fail "the bucket does not hold Public/'s files: $(diff <(echo "$objects") <(echo "$files") | head -5)"; fi
      website="$("$aws" s3api get-bucket-website --bucket timeline-test)"
      if grep -q '"Key": "404.html"' <<<"$website" && grep -q '"Suffix": "index.html"' <<<"$website"; then
        pass "the bucket's website serves index.html for folders and 404.html for missing addresses"
      else
        fail "the bucket's website configuration is $website"
      fi
    fi
  fi
fi

if [ "$failures" -gt 0 ]; then
  echo "Tests/Deploy: $failures failed" >&2
  exit 1
fi
echo "Tests/Deploy: every check passed"
