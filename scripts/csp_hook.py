#!/usr/bin/env python3
"""Trunk post_build hook: makes the built index.html obey its Content-Security-Policy, then
writes the service worker (sw.js, by scripts/sw_hook.py).

Trunk.toml runs it after every `trunk build` and `trunk serve` build (so also from
scripts/build-release.sh), with the page Trunk has just written in $TRUNK_STAGING_DIR:

    [[hooks]]
    stage = "post_build"
    command = "python3"
    command_arguments = ["scripts/csp_hook.py"]

By hand, on a built folder:  python3 scripts/csp_hook.py [DIR]   (default: $TRUNK_STAGING_DIR)

What it does
------------
The policy itself is written once, by hand, in the source index.html
(`<meta http-equiv="Content-Security-Policy">`, explained in docs/security.md). Its script-src
is `'self' 'wasm-unsafe-eval'`: no inline script may run. Trunk 0.21, however, writes an inline
`<script type="module">` that imports the wasm-bindgen glue and starts the WebAssembly, and
`trunk serve` adds an inline autoreload script. This hook moves every such inline script into a
file of its own next to index.html (`bootstrap-<hash>.js`, `trunk-autoreload-<hash>.js`) and
replaces it with `<script src=… integrity=…>`, which `script-src 'self'` allows.

Why move the scripts rather than put their sha256 into the policy
-----------------------------------------------------------------
* The policy stays a fixed text, reviewed in git; no build step ever writes it. A hash list
  would change with every build (the bootstrap names the hashed file names).
* A hash only matches the exact bytes. `trunk serve` rewrites the autoreload script for every
  request (it puts the request's Host into `'{{__TRUNK_ADDRESS__}}'`), so a hash computed at
  build time can never match it; and any later HTML rewriting (a minifier, a proxy or host
  that re-serialises HTML) would silently break a hash and leave a page that does not start.
  A file served from 'self' does not depend on how the HTML around it is written.
* It fails closed: if the hook does not run, the inline bootstrap is blocked by the unchanged
  policy and the app visibly does not start (every end-to-end test fails).
The cost is one request of about 300 bytes, found at once by the browser's preload scanner.

The hook fails the build (non-zero exit, message on stderr) when the page is not what it
expects: no policy, more than one, a policy placed after the first script or stylesheet (a
`<meta>` policy only governs what comes after it), a policy with 'unsafe-inline',
'unsafe-eval', wildcards or remote hosts, no Trunk bootstrap to move, an inline script it does
not know, or anything left in the page that the policy would block (inline scripts, inline
event handlers, `style` attributes or `<style>` elements, `javascript:` URLs, remote scripts or
stylesheets). Only the Python standard library is used.

Then: the service worker
------------------------
Once the page is final, the same run writes the service worker, sw.js, with the list of every
file of the build (scripts/sw_hook.py, docs/offline.md). It is not a hook of its own because
Trunk runs the hooks of one stage at the same time, and the worker must list (and hash) the
index.html and bootstrap-<hash>.js written above. Under `trunk serve` it writes a worker that
clears this app's caches and unregisters itself instead.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import sw_hook

PREFIX = "[csp_hook]"

# Directives and source expressions the policy must have and must never have.
REQUIRED = {
    "default-src": "'self'",
    "script-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
}
FORBIDDEN_SOURCES = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "http:", "https:"}
# Script types that the browser executes (and CSP governs); an empty type is classic JS.
JS_TYPES = {"", "module", "text/javascript", "application/javascript"}
# Data blocks: never executed, not governed by script-src; left alone.
DATA_TYPES = {"application/json", "application/ld+json"}

SCRIPT_RE = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.I | re.S)
TRUNK_PLACEHOLDER_RE = re.compile(r"\{\{__TRUNK[^}]*\}\}")


class HookError(Exception):
    pass


def fail(message: str) -> None:
    raise HookError(message)


class PageScan(HTMLParser):
    """Collects what matters for the policy, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, dict[str, str | None], tuple[int, int]]] = []
        self.inline_scripts: list[tuple[dict[str, str | None], str]] = []
        self._script_attrs: dict[str, str | None] | None = None
        self._script_text: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs)
        if tag == "script":
            self.handle_endtag("script")

    def _tag(self, tag, attrs):
        a = {k.lower(): v for k, v in attrs}
        where = self.getpos()
        self.events.append((tag, a, where))
        for name, value in a.items():
            if name.startswith("on"):
                self.problems.append(f"inline event handler {name}= on <{tag}> at line {where[0]}")
            if name == "style":
                self.problems.append(f"style attribute on <{tag}> at line {where[0]}")
            if name in ("href", "src", "action", "formaction") and value:
                if value.strip().lower().startswith("javascript:"):
                    self.problems.append(f"javascript: URL in <{tag} {name}> at line {where[0]}")
        if tag == "style":
            self.problems.append(f"<style> element at line {where[0]} (style-src has no inline styles)")
        if tag == "script":
            self._script_attrs = a
            self._script_text = []

    def handle_data(self, data):
        if self._script_attrs is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script_attrs is not None:
            text = "".join(self._script_text)
            if "src" not in self._script_attrs and text.strip():
                self.inline_scripts.append((self._script_attrs, text))
            self._script_attrs = None


def scan(html: str) -> PageScan:
    p = PageScan()
    p.feed(html)
    p.close()
    return p


def parse_policy(content: str) -> dict[str, list[str]]:
    policy: dict[str, list[str]] = {}
    for part in content.split(";"):
        words = part.split()
        if not words:
            continue
        name = words[0].lower()
        if name in policy:
            fail(f"the policy names {name} twice (the browser ignores the second one)")
        policy[name] = words[1:]
    return policy


def check_policy(page: PageScan) -> dict[str, list[str]]:
    metas = [
        (i, a)
        for i, (tag, a, _) in enumerate(page.events)
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    if not metas:
        fail("no <meta http-equiv=\"Content-Security-Policy\"> in the page; it belongs in the "
             "source index.html (see docs/security.md)")
    if len(metas) > 1:
        fail(f"{len(metas)} Content-Security-Policy <meta> elements; keep exactly one")
    index, attrs = metas[0]
    # A <meta> policy only applies to what the parser meets after it.
    for tag, a, where in page.events[:index]:
        if tag in ("script", "style", "base") or (tag == "link" and "stylesheet" in (a.get("rel") or "")) \
                or (tag == "link" and (a.get("rel") or "") in ("modulepreload", "preload")):
            fail(f"<{tag}> at line {where[0]} comes before the Content-Security-Policy <meta>, "
                 "which only governs what follows it; move the <meta> to the top of <head>")
    content = attrs.get("content") or ""
    policy = parse_policy(content)
    for directive, source in REQUIRED.items():
        if source not in policy.get(directive, []):
            fail(f"the policy lacks {directive} {source}: {content!r}")
    for directive, sources in policy.items():
        for s in sources:
            if s.lower() in FORBIDDEN_SOURCES or "://" in s or s.startswith("*."):
                fail(f"the policy allows {s} in {directive}; see docs/security.md")
    return policy


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


def autoreload_source(text: str) -> str:
    """The autoreload script of `trunk serve`, with the placeholders Trunk fills in per request
    replaced by their values read in the browser (Trunk itself only rewrites HTML responses,
    never a .js file)."""
    # Trunk puts the request's Host header here, or `window.location.host` when there is none.
    text = re.sub(r"(['\"`])\{\{__TRUNK_ADDRESS__\}\}\1", "window.location.host", text)
    # The WebSocket's base path: Trunk's serve base, which is the folder index.html is served
    # from, i.e. the folder of this script (it sits next to index.html).
    text = re.sub(
        r"(['\"`])\{\{__TRUNK_WS_BASE__\}\}\1",
        "new URL('./', document.currentScript.src).pathname",
        text,
    )
    left = TRUNK_PLACEHOLDER_RE.findall(text)
    if left:
        fail(f"the trunk serve autoreload script has placeholders this hook does not know: {left}")
    return text


def classify(attrs: dict[str, str | None], body: str) -> str:
    kind = (attrs.get("type") or "").strip().lower()
    if kind == "module" and "TrunkApplicationStarted" in body and "import init" in body:
        return "bootstrap"
    if kind in ("", "text/javascript") and ".well-known/trunk/ws" in body:
        return "trunk-autoreload"
    fail("an inline <script> that this hook does not know:\n"
         f"  <script{''.join(f' {k}={v!r}' for k, v in attrs.items())}>{body.strip()[:300]}…\n"
         "Inline scripts are blocked by the Content-Security-Policy; load it from a file instead "
         "(<script data-trunk src=\"…\">), see docs/security.md")
    return ""  # unreachable


def process(dist: Path, public_url: str) -> list[str]:
    """Rewrites dist/index.html; returns the kinds of the scripts it moved."""
    index = dist / "index.html"
    if not index.is_file():
        fail(f"{index} does not exist; is this hook configured as stage = \"post_build\"?")
    html = index.read_text(encoding="utf-8")

    before = scan(html)
    check_policy(before)

    moved: list[str] = []
    kinds: list[str] = []

    def replace(m: re.Match) -> str:
        attr_text, body = m.group("attrs"), m.group("body")
        attrs = scan(f"<script{attr_text}>").events[0][1]
        if "src" in attrs or not body.strip():
            return m.group(0)
        kind = (attrs.get("type") or "").strip().lower()
        if kind in DATA_TYPES:
            return m.group(0)
        if kind not in JS_TYPES:
            fail(f"an inline <script type={kind!r}>: the policy blocks it and it cannot be moved "
                 "into a file by this hook")
        name = classify(attrs, body)
        kinds.append(name)
        source = body.strip() + "\n"
        if name == "trunk-autoreload":
            source = autoreload_source(source)
        data = source.encode("utf-8")
        file_name = f"{name}-{hashlib.sha256(data).hexdigest()[:16]}.js"
        (dist / file_name).write_bytes(data)
        moved.append(file_name)
        attr_text = attr_text.rstrip().rstrip("/")
        return f'<script{attr_text} src="{public_url}{file_name}" integrity="{sri(data)}"></script>'

    out = SCRIPT_RE.sub(replace, html)

    if len(kinds) != len(before.inline_scripts):
        fail(f"found {len(before.inline_scripts)} inline scripts with the HTML parser but "
             f"{len(kinds)} with the rewriter; the page is not laid out as expected")
    if kinds.count("bootstrap") != 1:
        fail(f"expected exactly one inline Trunk bootstrap <script type=\"module\"> in {index}, "
             f"found {kinds.count('bootstrap')}; has Trunk changed its output?")

    after = scan(out)
    if after.inline_scripts:
        fail(f"{len(after.inline_scripts)} inline scripts are still in the page after the rewrite")
    problems = list(after.problems)
    for tag, a, where in after.events:
        url = a.get("src") if tag == "script" else a.get("href") if tag == "link" else None
        rel = (a.get("rel") or "").lower()
        if tag == "link" and rel not in ("stylesheet", "modulepreload", "preload"):
            continue
        if url and (re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I) or url.startswith("//")):
            problems.append(f"<{tag}> at line {where[0]} loads {url} from another origin, "
                            "which the policy blocks")
    if problems:
        fail("the built page has what the Content-Security-Policy blocks:\n  " + "\n  ".join(problems))

    index.write_text(out, encoding="utf-8")
    print(f"{PREFIX} {index}: moved {len(moved)} inline script(s) into {', '.join(moved)}; "
          "Content-Security-Policy checked", flush=True)
    return kinds


def main(argv: list[str]) -> int:
    if len(argv) > 2:
        print(__doc__, file=sys.stderr)
        return 2
    target = argv[1] if len(argv) == 2 else os.environ.get("TRUNK_STAGING_DIR")
    if not target:
        print(f"{PREFIX} ERROR: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook, "
              "or pass the built folder)", file=sys.stderr)
        return 2
    public_url = os.environ.get("TRUNK_PUBLIC_URL") or "./"
    if not public_url.endswith("/"):
        public_url += "/"
    try:
        kinds = process(Path(target), public_url)
    except HookError as e:
        print(f"{PREFIX} ERROR: {e}", file=sys.stderr, flush=True)
        return 1
    try:
        summary = sw_hook.write_service_worker(Path(target), dev="trunk-autoreload" in kinds)
    except (sw_hook.SwHookError, OSError) as e:
        print(f"{sw_hook.PREFIX} ERROR: {e}", file=sys.stderr, flush=True)
        return 1
    print(f"{sw_hook.PREFIX} {summary}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
