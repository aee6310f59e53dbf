#!/usr/bin/env python3
"""Writes the service worker (sw.js) of a built app, with the list of every file of the build.

Called by scripts/csp_hook.py (the Trunk post_build hook) once the page is final, so after
every `trunk build`, `trunk serve` build and scripts/build-release.sh. Trunk runs the hooks of
one stage at the same time, so this is not a hook of its own: it must see the index.html and
bootstrap-<hash>.js that the CSP step writes.

By hand, on a built folder:  python3 scripts/sw_hook.py DIR   (e.g. after changing a file in a
copy of dist/, as e2e/tests/update.spec.mjs does to make "a new build").

What it writes (docs/offline.md)
--------------------------------
DIR/sw.js: js/sw.js with its `/*BUILD*/ {…}` filled in:
* files: every file in DIR and below, relative to DIR, sorted, except sw.js itself and dot
  files (Trunk's staging folder holds nothing else). No hand-kept list: whatever Trunk emits
  (hashed wasm/js/css, wasm-bindgen snippets/, the bootstrap, public/ files) is precached.
* version: the first 16 hex digits of a SHA-256 over every precached file's path and content
  and over js/sw.js itself. Any change to any file gives a new version, hence a new cache
  name; an unchanged build gives byte-identical sw.js (the browser then sees no update).
* boot: the name of bootstrap-<hash>.js, which the worker checks in the index.html it
  precached (a deploy in the middle of an install would otherwise mix two builds).

Under `trunk serve` (the page has Trunk's autoreload script) it writes a worker that removes
this app's caches and unregisters itself instead: a cache-first worker would hide every
rebuild, and one left by a release build served on the same address must go.

Only the Python standard library is used.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import quote

PREFIX = "[sw_hook]"
ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "js" / "sw.js"
BUILD_RE = re.compile(r"/\*BUILD\*/ \{[^\n]*\}")
BOOT_RE = re.compile(r"^bootstrap-[0-9a-f]{16}\.js$")
AUTORELOAD_RE = re.compile(r"<script\b[^>]*\bsrc=\"[^\"]*trunk-autoreload-[0-9a-f]+\.js\"")
WORKER = "sw.js"

# The worker of `trunk serve`: no cache, no fetch handler; clears what a release build left.
DEV_WORKER = """\
// Service worker under `trunk serve` (scripts/sw_hook.py, docs/offline.md): it removes the
// caches of this app at this address and unregisters itself; nothing is cached in dev mode.
'use strict';
const PREFIX = `cchc-workbook ${new URL('./', self.location).href} `;
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith(PREFIX)) await caches.delete(name);
    await self.registration.unregister();
  })());
});
"""


class SwHookError(Exception):
    pass


def precache_files(dist: Path) -> list[str]:
    """Every file of the build, as URLs relative to the folder of sw.js, sorted."""
    files = []
    for path in dist.rglob("*"):
        rel = path.relative_to(dist)
        if not path.is_file() or rel.as_posix() == WORKER:
            continue
        if any(part.startswith(".") for part in rel.parts):
            continue
        files.append(rel.as_posix())
    return sorted(files)


def build_version(dist: Path, files: list[str], template: bytes) -> str:
    h = hashlib.sha256()
    h.update(hashlib.sha256(template).digest())
    for rel in files:
        h.update(rel.encode("utf-8") + b"\0")
        h.update(hashlib.sha256((dist / rel).read_bytes()).digest())
    return h.hexdigest()[:16]


def is_dev_server(dist: Path) -> bool:
    """Whether index.html loads `trunk serve`'s autoreload script (moved into a file by
    csp_hook.py)."""
    return bool(AUTORELOAD_RE.search((dist / "index.html").read_text(encoding="utf-8")))


def write_atomically(path: Path, text: str) -> None:
    """Writes `path` whole or not at all: a browser that fetches sw.js while a build is being
    written over a served folder gets the old file or the new one, never half of one."""
    part = path.with_name(f".{path.name}.part")
    part.write_text(text, encoding="utf-8")
    os.replace(part, path)


def write_service_worker(dist: Path, dev: bool | None = None) -> str:
    """Writes dist/sw.js; returns a one-line summary. `dev` None: read it from index.html."""
    if not (dist / "index.html").is_file():
        raise SwHookError(f"{dist / 'index.html'} does not exist")
    if dev is None:
        dev = is_dev_server(dist)
    out = dist / WORKER
    if dev:
        write_atomically(out, DEV_WORKER)
        return f"{out}: trunk serve, a worker that clears this app's caches and unregisters itself"
    template = TEMPLATE.read_bytes()
    source = template.decode("utf-8")
    if len(BUILD_RE.findall(source)) != 1:
        raise SwHookError(f"{TEMPLATE} must have exactly one `/*BUILD*/ {{…}}` on one line")
    files = precache_files(dist)
    boots = [f for f in files if BOOT_RE.match(f)]
    if len(boots) != 1:
        raise SwHookError(f"expected one bootstrap-<hash>.js in {dist} (written by csp_hook.py), "
                          f"found {boots}")
    build = {
        "version": build_version(dist, files, template),
        "files": [quote(f) for f in files],
        "boot": boots[0],
    }
    text = BUILD_RE.sub(lambda _: json.dumps(build, ensure_ascii=True, separators=(",", ":")), source)
    # The browser downloads it: comments, indentation and blank lines stay in js/sw.js.
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("//")]
    text = "// Written by scripts/sw_hook.py from js/sw.js (docs/offline.md).\n" + "\n".join(lines) + "\n"
    write_atomically(out, text)
    return f"{out}: precache of {len(files)} files, version {build['version']}"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        print(f"{PREFIX} {write_service_worker(Path(argv[1]))}", flush=True)
    except (SwHookError, OSError) as e:
        print(f"{PREFIX} ERROR: {e}", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
