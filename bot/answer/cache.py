"""An on-disk cache of built indexes, so that `smm ask` does not rebuild the index on every start.

The key is the pack's content hash (every file of the pack, company.yaml included) plus a hash of the
code that builds the index, so an edit to either gives a fresh build. Files live in
`$SMM_CACHE_DIR`, else `$XDG_CACHE_HOME/smm`, else `~/.cache/smm`; `SMM_INDEX_CACHE=0` turns the cache
off. A cache file is only read when it belongs to the current user and nobody else can write it or its
folder (it is a pickle). Any problem reading or writing means a normal build: the cache never fails a
question.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

FORMAT = 1
_CODE_FILES = ("index.py", "classifier.py", "lexicon.py")


def cache_dir() -> Path | None:
    """The folder for cached indexes, or None when caching is off."""
    if os.environ.get("SMM_INDEX_CACHE", "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    explicit = os.environ.get("SMM_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "smm"


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the source that decides what an index contains."""
    digest = hashlib.sha256(f"{FORMAT}:{sys.version_info[:2]}".encode())
    here = Path(__file__).resolve().parent
    for path in [*(here / name for name in _CODE_FILES), here.parent / "text" / "tokens.py"]:
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(path.name.encode())
    return digest.hexdigest()[:16]


def _path_for(key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"index-{key}-{code_version()}.pickle"


def _safe(path: Path) -> bool:
    """Owned by us and writable by nobody else (file and folder)."""
    if not hasattr(os, "getuid"):
        return True
    uid = os.getuid()
    for target in (path, path.parent):
        info = target.stat()
        if info.st_uid != uid or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return False
    return True


def load(key: str) -> Any | None:
    """The cached object for `key`, or None."""
    path = _path_for(key)
    if path is None:
        return None
    try:
        if not path.is_file() or not _safe(path):
            return None
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - a damaged or foreign cache file means a normal build
        return None


def save(key: str, value: Any) -> None:
    """Store `value` for `key` atomically; silently does nothing when the folder is not writable."""
    path = _path_for(key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".index-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except Exception:  # noqa: BLE001, S110 - caching is best effort
        pass
