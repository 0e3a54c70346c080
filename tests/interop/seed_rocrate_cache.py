"""Seeds rocrate-validator's HTTP cache with the RO-Crate JSON-LD contexts shipped as test data.

rocrate-validator fetches https://w3id.org/ro/crate/<version>/context while it validates, and has
no copy of its own; nothing can be fetched here. It can run `--offline` against a requests-cache
SQLite cache (`--cache-path`), so this script fills such a cache: a requests adapter serves the
context files from disk for their w3id.org URLs, and requests-cache stores the responses under
those URLs, exactly as if they had been downloaded.

Usage: python seed_rocrate_cache.py CACHE_PATH CONTEXT_DIR
"""
import io
import sys
from pathlib import Path

import requests
from requests.adapters import BaseAdapter
from requests_cache import CachedSession
from urllib3.response import HTTPResponse

CONTEXTS = {
    "https://w3id.org/ro/crate/1.2/context": "rocrate-1.2-context.jsonld",
    "https://w3id.org/ro/crate/1.1/context": "rocrate-1.1-context.jsonld",
}
# rocrate-validator asks with either of these Accept headers; the cache key ignores headers, but
# both are requested so the seeding does not depend on that.
ACCEPTS = ["application/ld+json, application/json", "application/ld+json, application/json, */*;q=0.1"]


class LocalFiles(BaseAdapter):
    """Answers GET for the known URLs from local files; refuses everything else."""

    def __init__(self, files):
        super().__init__()
        self.files = files

    def send(self, request, **kwargs):
        path = self.files.get(request.url)
        if path is None:
            raise requests.ConnectionError(f"no local copy of {request.url}")
        body = path.read_bytes()
        raw = HTTPResponse(body=io.BytesIO(body), headers={"Content-Type": "application/ld+json",
                                                            "Content-Length": str(len(body))},
                           status=200, preload_content=False, request_url=request.url)
        response = requests.Response()
        response.status_code = 200
        response.headers = requests.structures.CaseInsensitiveDict(raw.headers)
        response.raw = raw
        response.url = request.url
        response.request = request
        response.encoding = "utf-8"
        return response

    def close(self):
        pass


def main(cache_path, context_dir):
    files = {url: Path(context_dir) / name for url, name in CONTEXTS.items() if (Path(context_dir) / name).exists()}
    if not files:
        sys.exit(f"no RO-Crate contexts in {context_dir}")
    session = CachedSession(cache_name=str(cache_path), backend="sqlite", expire_after=-1,
                            allowable_methods=("GET",), allowable_codes=(200, 302, 404))
    session.mount("https://w3id.org/", LocalFiles(files))
    for url in files:
        for accept in ACCEPTS:
            response = session.get(url, headers={"Accept": accept})
            if response.status_code != 200:
                sys.exit(f"could not seed {url}: HTTP {response.status_code}")
    print(f"seeded {len(files)} RO-Crate contexts into {cache_path}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
