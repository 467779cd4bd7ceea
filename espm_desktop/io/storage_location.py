"""Tell whether a database file sits on a network share or in a cloud-synced folder.

SQLite's file locks (and the shared memory WAL mode needs) are not reliable over SMB, NFS and similar
file systems, and sync clients (OneDrive, Dropbox, …) copy and replace the file while SQLite writes it:
both are known to corrupt databases. The app warns the user; this module only finds the facts.
It reads the mount table and the path, never the database file itself.
"""

from __future__ import annotations

import ctypes
import ntpath
import os
import platform
import posixpath
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from espm_desktop.core.formatting import is_french
from espm_desktop.core.i18n import Message, message

NETWORK = "network"
CLOUD_SYNC = "cloud_sync"

# GetDriveTypeW's answer for a mapped network drive.
DRIVE_REMOTE = 4


@dataclass(frozen=True)
class StorageRisk:
    """Why the folder holding a database is unsafe for SQLite."""

    kind: str  # NETWORK or CLOUD_SYNC
    detail: str  # what matched: "nfs4", "cifs", "UNC path \\server\share", "network drive Z:", "OneDrive"
    folder: str  # the mount point, share, drive or sync root that matched


# File system types (as /proc/self/mounts and macOS `mount` name them) whose files live on another machine.
NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "afpfs",
        "webdav",
        "davfs",
        "fuse.davfs",
        "ftp",  # macOS mount_ftp
        "sshfs",
        "fuse.sshfs",
        "fuse.curlftpfs",
        "fuse.smbnetfs",
        "9p",
        "ceph",
        "fuse.ceph-fuse",
        "glusterfs",
        "fuse.glusterfs",
        "afs",
        "lustre",
        "gpfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.gcsfuse",
        "fuse.blobfuse",
        "fuse.blobfuse2",
        # Virtual machine shared folders: the host's files, with the same locking troubles as a share.
        "vboxsf",
        "vmhgfs",
        "fuse.vmhgfs-fuse",
        "prl_fs",
        # Desktop gateways to remote places (smb://, sftp://, dav://, google-drive://, phones).
        "fuse.gvfsd-fuse",
        "fuse.kio-fuse",
    }
)

# A FUSE file system whose name says which sync service it talks to (fuse.onedriver,
# fuse.google-drive-ocamlfuse): reported as that service rather than as a bare network mount.
_CLOUD_FUSE_WORDS: tuple[tuple[str, str], ...] = (
    ("onedrive", "OneDrive"),
    ("google-drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("gdrive", "Google Drive"),
    ("dropbox", "Dropbox"),
    ("icloud", "iCloud Drive"),
    ("pcloud", "pCloud"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("megafuse", "MEGA"),
)

# Sync roots recognised anywhere in the path, lower-cased, with the service named to the user. A folder
# matches when its name is the word, or the word followed by a non-alphanumeric character (the clients
# add an account: "OneDrive - Contoso", "OneDrive-Personal", "Dropbox (Personal)", "GoogleDrive-x@y.ca").
_CLOUD_FOLDER_WORDS: tuple[tuple[str, str], ...] = (
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("icloud drive", "iCloud Drive"),
    ("iclouddrive", "iCloud Drive"),
    ("box sync", "Box"),
    ("pcloud drive", "pCloud"),
    ("pclouddrive", "pCloud"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("synologydrive", "Synology Drive"),
)

# Sync roots whose names are ordinary words: only an exact name directly inside a home folder counts,
# where the clients create them (~/Box, ~/MEGA, ~/Sync), so "Projects/Box" or "Sync" elsewhere is left alone.
_HOME_CLOUD_FOLDERS: dict[str, str] = {"box": "Box", "mega": "MEGA", "sync": "Sync.com"}

_OCTAL_ESCAPE = re.compile(r"\\([0-7]{3})")

# /proc files report size 0, so the read is capped instead: thousands of container mounts still fit.
_MAX_MOUNT_TABLE_CHARS = 4 * 1024 * 1024
_MACOS_MOUNT_TIMEOUT_S = 2.0


def parse_proc_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, fs type) pairs from /proc/self/mounts, with \\040-style escapes undone."""
    mounts: list[tuple[str, str]] = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = _OCTAL_ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), fields[1])
        mounts.append((mount_point, fields[2]))
    return mounts


def parse_macos_mount(text: str) -> list[tuple[str, str]]:
    """(mount point, fs type) pairs from macOS `mount` lines like '//u@srv/share on /Volumes/share (smbfs, …)'."""
    mounts: list[tuple[str, str]] = []
    for line in text.splitlines():
        line = line.rstrip()
        # The options come last, so the last " (" opens them even when the mount point holds parentheses.
        place, sep, options = line.rpartition(" (")
        if not sep or not options.endswith(")"):
            continue
        # Device names hold no " on " but mount points may ("/Volumes/Backup on Tuesday"): split at the first.
        _device, sep, mount_point = place.partition(" on ")
        fs_type = options[:-1].split(",")[0].strip()
        if sep and mount_point and fs_type:
            mounts.append((mount_point, fs_type))
    return mounts


def classify_location(
    path: str,
    *,
    system: str,
    mounts: list[tuple[str, str]] | None = None,
    drive_type: int | None = None,
    home: str | None = None,
) -> StorageRisk | None:
    """The risk of keeping the database file `path` where it is, from facts given in; None when it looks local.

    Checked in this order, the first match wins:
    1. Windows: a UNC path (\\\\server\\share, \\\\?\\UNC\\server\\share) or `drive_type` DRIVE_REMOTE (4).
    2. `mounts` (mount point, fs type): the longest mount point that contains the path, compared folder by
       folder (/mnt/a does not contain /mnt/ab); on a tie the later entry wins, as the later mount hides
       the earlier one. A network fs type (NETWORK_FS_TYPES) is "network"; a FUSE type naming a sync service
       (fuse.onedriver) is "cloud_sync".
    3. macOS: anything under ~/Library/Mobile Documents (iCloud Drive) or ~/Library/CloudStorage (the
       File Provider sync roots of OneDrive, Google Drive, Dropbox, Box…).
    4. Folder names, case-insensitively, on every OS, outermost first; the file's own name is not looked at.
       OneDrive, Dropbox, Google Drive, GoogleDrive, My Drive, iCloud Drive, iCloudDrive, Box Sync,
       pCloud Drive, pCloudDrive, Nextcloud, ownCloud, SynologyDrive match anywhere, alone or followed by a
       non-alphanumeric character ("OneDrive - Contoso", "Dropbox (Personal)"), so "Dropboxes-old" and
       "OneDriveTemp" do not. Box, MEGA and Sync (Sync.com) are ordinary words: they match only as the
       exact name of a folder directly inside a home folder (`home`, /home/<user>, /Users/<user>, /root or
       <drive>:\\Users\\<user>), so "Boxes" or "Documents/Box" do not.
    Folder comparisons follow the OS: exact on Linux, case-insensitive on macOS and Windows.
    """
    windows = system == "Windows"
    anchor, parts = _split(path, windows)
    if windows:
        risk = _windows_network(anchor, drive_type)
        if risk is not None:
            return risk
    if mounts:
        risk = _mount_risk(anchor, parts, mounts, system)
        if risk is not None:
            return risk
    homes = _home_lengths(anchor, parts, home, system)
    if system == "Darwin":
        risk = _macos_library_risk(anchor, parts, homes, windows)
        if risk is not None:
            return risk
    return _folder_name_risk(anchor, parts, homes, windows)


def detect_location(path: Path) -> StorageRisk | None:
    """classify_location with the running OS's facts; never raises (unknown facts → judged by path alone)."""
    system = ""
    try:
        system = platform.system()
        where = _real_path(path, system)
        mounts: list[tuple[str, str]] | None = None
        drive_type: int | None = None
        if system == "Linux":
            mounts = read_linux_mounts()
        elif system == "Darwin":
            mounts = read_macos_mounts()
        elif system == "Windows":
            drive_type = windows_drive_type(where)
        return classify_location(
            where, system=system, mounts=mounts, drive_type=drive_type, home=_home_folder()
        )
    except Exception:
        # A warning is a courtesy: missing facts must never stop the database from opening.
        try:
            return classify_location(os.fspath(path), system=system)
        except Exception:
            return None


def read_linux_mounts() -> list[tuple[str, str]] | None:
    """The mount table of this process, or None when it cannot be read."""
    try:
        with open("/proc/self/mounts", "rb") as table:
            data = table.read(_MAX_MOUNT_TABLE_CHARS + 1)
    except OSError:
        return None
    if len(data) > _MAX_MOUNT_TABLE_CHARS:
        data = data[: data.rfind(b"\n", 0, _MAX_MOUNT_TABLE_CHARS) + 1]
    # Decoded like file names are, so undecodable bytes compare equal to those in the database path.
    return parse_proc_mounts(os.fsdecode(data))


def read_macos_mounts() -> list[tuple[str, str]] | None:
    """The output of /sbin/mount, parsed; None when it fails or hangs on an unreachable server."""
    try:
        done = subprocess.run(
            ["/sbin/mount"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=_MACOS_MOUNT_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return parse_macos_mount(os.fsdecode(done.stdout))


def windows_drive_type(path: str) -> int | None:
    """GetDriveTypeW of the drive letter holding `path`, or None off Windows or for UNC paths."""
    if sys.platform != "win32":
        return None
    drive, _rest = ntpath.splitdrive(path)
    if len(drive) != 2 or drive[1] != ":":
        return None
    try:
        return int(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\"))
    except (OSError, AttributeError, ValueError):
        return None


def risk_message(risk: StorageRisk, language: str) -> str:
    """A short explanation for the user, in French ("fr…") or English."""
    return risk_warning(risk).text("fr" if is_french(language) else "en")


def risk_warning(risk: StorageRisk) -> Message:
    """The explanation of `risk_message`, in no language yet (core.i18n)."""
    if risk.kind == CLOUD_SYNC:
        return message(
            "This database is in a folder synchronised by {service} ({folder}). Sync services can copy the "
            "file while it is being written and damage it: keep it in a folder on this computer that is not "
            "synchronised, and put only backup copies in the synchronised folder.",
            service=risk.detail,
            folder=risk.folder,
        )
    return message(
        "This database is in a network folder ({place}). SQLite databases can be damaged when kept on a "
        "network drive: keep it in a folder on this computer.",
        place=_network_place(risk),
    )


def _network_place(risk: StorageRisk) -> Message:
    # The folder's shape says which kind of detail was built (_windows_network, _mount_risk), so the French
    # need not translate English words inside `detail`.
    if risk.folder.startswith("\\\\"):
        return message("UNC path {share}", share=risk.folder)
    if re.fullmatch(r"[A-Za-z]:\\?", risk.folder):
        return message("network drive {drive}", drive=risk.folder[:2])
    return message("{fs_type} at {folder}", fs_type=risk.detail, folder=risk.folder)


def _split(path: str, windows: bool) -> tuple[str, list[str]]:
    """(anchor, folder names): "/" or "" on POSIX; "C:", "\\\\server\\share" or "" on Windows."""
    if not windows:
        normal = posixpath.normpath(path) if path else ""
        anchor = "/" if normal.startswith("/") else ""
        return anchor, [part for part in normal.split("/") if part and part != "."]
    text = path.replace("/", "\\")
    if text[:8].upper() in ("\\\\?\\UNC\\", "\\\\.\\UNC\\"):
        text = "\\\\" + text[8:]
    elif text[:4] in ("\\\\?\\", "\\\\.\\") and text[5:6] == ":":
        text = text[4:]
    normal = ntpath.normpath(text) if text else ""
    drive, rest = ntpath.splitdrive(normal)
    return drive, [part for part in rest.split("\\") if part and part != "."]


def _join(anchor: str, parts: list[str], windows: bool) -> str:
    if windows:
        return anchor + "\\" + "\\".join(parts)
    return anchor + "/".join(parts)


def _windows_network(anchor: str, drive_type: int | None) -> StorageRisk | None:
    if anchor.startswith("\\\\") and not anchor.startswith(("\\\\?\\", "\\\\.\\")):
        return StorageRisk(NETWORK, f"UNC path {anchor}", anchor)
    if drive_type == DRIVE_REMOTE:
        drive = anchor if len(anchor) == 2 and anchor[1] == ":" else ""
        detail = f"network drive {drive.upper()}" if drive else "network drive"
        return StorageRisk(NETWORK, detail, drive.upper() + "\\" if drive else anchor)
    return None


def _same(a: str, b: str, system: str) -> bool:
    # Linux file systems are case-sensitive; macOS (APFS, HFS+) and Windows usually are not.
    if system == "Linux":
        return a == b
    return a.casefold() == b.casefold()


def _starts_with(parts: list[str], prefix: list[str], system: str) -> bool:
    return len(prefix) <= len(parts) and all(_same(a, b, system) for a, b in zip(parts, prefix, strict=False))


def _mount_risk(
    anchor: str, parts: list[str], mounts: list[tuple[str, str]], system: str
) -> StorageRisk | None:
    windows = system == "Windows"
    best: tuple[int, str, str, list[str]] | None = None
    for mount_point, fs_type in mounts:
        mount_anchor, mount_parts = _split(mount_point, windows)
        if not mount_anchor or not _same(mount_anchor, anchor, system):
            continue
        if _starts_with(parts, mount_parts, system) and (best is None or len(mount_parts) >= best[0]):
            best = (len(mount_parts), mount_point, fs_type, mount_parts)
    if best is None:
        return None
    _length, mount_point, fs_type, mount_parts = best
    kind = fs_type.casefold()
    if kind == "fuse.gvfsd-fuse":
        # GNOME mounts every remote place under one FUSE folder; the next name says which service it is.
        place = parts[len(mount_parts)] if len(parts) > len(mount_parts) else ""
        if place.casefold().startswith("google-drive:"):
            return StorageRisk(
                CLOUD_SYNC, "Google Drive", _join(anchor, parts[: len(mount_parts) + 1], windows)
            )
    if kind in NETWORK_FS_TYPES:
        return StorageRisk(NETWORK, fs_type, mount_point)
    if kind.startswith("fuse."):
        for word, service in _CLOUD_FUSE_WORDS:
            if word in kind:
                return StorageRisk(CLOUD_SYNC, service, mount_point)
    return None


def _home_lengths(anchor: str, parts: list[str], home: str | None, system: str) -> set[int]:
    """How many leading folder names of the path make up a home folder it lies in."""
    windows = system == "Windows"
    lengths: set[int] = set()
    if home:
        home_anchor, home_parts = _split(home, windows)
        if home_anchor and _same(home_anchor, anchor, system) and _starts_with(parts, home_parts, system):
            lengths.add(len(home_parts))
    if windows:
        if len(anchor) == 2 and anchor[1] == ":" and len(parts) >= 2 and parts[0].casefold() == "users":
            lengths.add(2)
    elif anchor == "/" and parts:
        if parts[0] in ("home", "Users") and len(parts) >= 2:
            lengths.add(2)
        elif parts[0] == "root":
            lengths.add(1)
    return lengths


def _macos_library_risk(anchor: str, parts: list[str], homes: set[int], windows: bool) -> StorageRisk | None:
    for start in sorted(homes):
        library = [part.casefold() for part in parts[start : start + 2]]
        if len(library) < 2 or library[0] != "library" or len(parts) <= start + 2:
            continue
        # The sync root is the entry inside these folders (com~apple~CloudDocs, OneDrive-Personal);
        # a file placed directly in them is reported against the folder itself.
        root_end = start + 3 if len(parts) > start + 3 else start + 2
        folder = _join(anchor, parts[:root_end], windows)
        if library[1] == "mobile documents":
            return StorageRisk(CLOUD_SYNC, "iCloud Drive", folder)
        if library[1] == "cloudstorage":
            entry = parts[start + 2] if root_end == start + 3 else ""
            return StorageRisk(CLOUD_SYNC, _cloud_storage_service(entry), folder)
    return None


def _cloud_storage_service(entry: str) -> str:
    """The service behind a ~/Library/CloudStorage entry such as "OneDrive-Personal" or "Box-Box"."""
    service = _folder_service(entry)
    if service is not None:
        return service
    provider = entry.split("-", 1)[0].strip()
    if provider.casefold() == "box":
        return "Box"
    return provider or "CloudStorage"


def _folder_service(name: str) -> str | None:
    folded = name.casefold()
    for word, service in _CLOUD_FOLDER_WORDS:
        if folded.startswith(word):
            rest = folded[len(word) :]
            if not rest or not rest[0].isalnum():
                return service
    return None


def _folder_name_risk(anchor: str, parts: list[str], homes: set[int], windows: bool) -> StorageRisk | None:
    # The last name is the database file itself: "Dropbox.sqlite" says nothing about where it is kept.
    for index, name in enumerate(parts[:-1]):
        service = _folder_service(name)
        if service is None and index in homes:
            service = _HOME_CLOUD_FOLDERS.get(name.casefold())
        if service is not None:
            return StorageRisk(CLOUD_SYNC, service, _join(anchor, parts[: index + 1], windows))
    return None


def _real_path(path: Path, system: str) -> str:
    absolute = os.path.abspath(path)
    try:
        if system == "Windows":
            # Windows resolves a path by opening it; resolve the folder only, so the database is never
            # opened here (a mapped drive still comes back as \\?\UNC\server\share).
            folder, name = os.path.split(absolute)
            return os.path.join(os.path.realpath(folder), name)
        # POSIX resolves with lstat/readlink, which do not open the file.
        return os.path.realpath(absolute)
    except (OSError, ValueError):
        return absolute


def _home_folder() -> str | None:
    home = os.path.expanduser("~")
    return None if home == "~" else home
