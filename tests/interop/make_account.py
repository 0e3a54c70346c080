"""Fills an account made by `pda init` with synthetic content for archive tests and benchmarks.

Writes straight into account.sqlite and the content-addressed media store (what an import would
leave there): one source export, N items of assorted kinds (every tenth a message, some without a
platform id, some with ids that need escaping), media files of random bytes adding up to about
--media-bytes, and a few activity records. Deterministic for a given --seed.

Usage: python make_account.py ACCOUNT_DIR --items N [--media-bytes B] [--activity N] [--seed S]
"""
import argparse
import hashlib
import json
import random
import sqlite3
from pathlib import Path

KINDS = ["video", "photo", "post", "comment", "comment", "post", "video", "photo", "review", "message"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("account", type=Path)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--media-bytes", type=int, default=200_000)
    parser.add_argument("--media-every", type=int, default=4, help="one item in N has media")
    parser.add_argument("--activity", type=int, default=10)
    parser.add_argument("--platform", default="tiktok")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    db = sqlite3.connect(args.account / "account.sqlite")
    db.execute("PRAGMA foreign_keys = ON")
    export_sha = hashlib.sha256(f"synthetic export {args.seed}".encode()).hexdigest()
    cur = db.execute(
        "INSERT INTO source_export (platform, file_name, sha256, size, format, importer, importer_version, imported_at, report)"
        " VALUES (?, ?, ?, ?, 'synthetic', 'synthetic', '1', '2025-01-02T03:04:05Z', '{}')",
        (args.platform, f"{args.platform}_export.zip", export_sha, 123_456_789))
    export_id = cur.lastrowid

    with_media = [i for i in range(args.items) if i % args.media_every == 0 and KINDS[i % len(KINDS)] in ("video", "photo", "post")]
    per_file = max(1, args.media_bytes // max(1, len(with_media)))
    media_dir = args.account / "media" / "sha256"
    for i in range(args.items):
        kind = KINDS[i % len(KINDS)]
        native = None if i % 7 == 3 else (f"Id/{i}%x" if i % 11 == 5 else str(7_300_000_000_000_000_000 + i))
        day = 1 + i % 28
        created = f"2024-{1 + i % 12:02d}-{day:02d}T{i % 24:02d}:{i % 60:02d}:00Z"
        text = f"Synthetic {kind} number {i} — 直播 加油 <b>&</b>"
        raw = json.dumps({"id": native, "desc": text, "likes": i * 3}, ensure_ascii=False)
        natural = native or "h:" + hashlib.sha256(raw.encode()).hexdigest()[:32]
        cur = db.execute(
            "INSERT INTO item (platform, kind, natural_key, native_id, url, created_at, time_basis, title, text, counterpart,"
            " content_hash, raw, source_export_id, locator) VALUES (?, ?, ?, ?, ?, ?, 'exact', ?, ?, ?, ?, ?, ?, ?)",
            (args.platform, kind, natural, native, f"https://example.com/{args.platform}/{i}" if native else None, created,
             f"Title {i}" if kind == "post" else None, text, "a friend" if kind == "message" else None,
             hashlib.sha256(raw.encode()).hexdigest(), raw, export_id, f"export.json#/items/{i}"))
        item_id = cur.lastrowid
        if i not in with_media:
            continue
        size = max(1, int(per_file * rng.uniform(0.5, 1.5)))
        data = rng.randbytes(size)
        sha = hashlib.sha256(data).hexdigest()
        target = media_dir / sha[:2] / sha[2:]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        name, media_type = (f"clip {i}.mp4", "video/mp4") if kind == "video" else (f"IMG_{i}.jpg", "image/jpeg")
        db.execute("INSERT OR IGNORE INTO media (sha256, size, media_type) VALUES (?, ?, ?)", (sha, size, media_type))
        db.execute("INSERT INTO item_media (item_id, position, media_sha256, file_name, locator) VALUES (?, 0, ?, ?, ?)",
                   (item_id, sha, name, f"media/{name}"))
    for n in range(args.activity):
        db.execute(
            "INSERT INTO activity (platform, kind, natural_key, occurred_at, time_basis, url, text, source_export_id, locator)"
            " VALUES (?, 'watch', ?, ?, 'exact', ?, NULL, ?, ?)",
            (args.platform, f"w{n}", f"2024-05-{1 + n % 28:02d}T10:00:00Z", f"https://example.com/v/{n}", export_id, f"watch.json#/{n}"))
    db.commit()
    print(f"{args.items} items ({len(with_media)} with media, about {per_file * len(with_media):,} bytes), {args.activity} activity")


if __name__ == "__main__":
    main()
