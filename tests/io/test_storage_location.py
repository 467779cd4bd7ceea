from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path

import pytest

from espm_desktop.io import storage_location
from espm_desktop.io.storage_location import (
    CLOUD_SYNC,
    NETWORK,
    StorageRisk,
    classify_location,
    detect_location,
    parse_macos_mount,
    parse_proc_mounts,
    risk_message,
)

LINUX_MOUNTS_TEXT = r"""/dev/nvme0n1p2 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
/dev/nvme0n1p3 /home btrfs rw,relatime,subvol=/home 0 0
nas:/export/share /mnt/share nfs4 rw,relatime,vers=4.2 0 0
nas:/export/old /mnt/old nfs rw,relatime,vers=3 0 0
//srv/docs /mnt/docs cifs rw,relatime,vers=3.1.1 0 0
user@host:/data /home/alice/remote fuse.sshfs rw,nosuid,nodev 0 0
/dev/sdb1 /mnt/share/local-cache ext4 rw,relatime 0 0
//srv/team /mnt/Team\040Share cifs rw,relatime 0 0
/dev/sdc1 /mnt/a xfs rw,relatime 0 0
nas:/export/ab /mnt/ab nfs4 rw,relatime 0 0
onedriver /home/alice/OneDrive-mount fuse.onedriver rw,nosuid,nodev 0 0
gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw,nosuid,nodev 0 0
portal /run/user/1000/doc fuse.portal rw,nosuid,nodev 0 0
remote:/x /mnt/over ext4 rw 0 0
remote:/x /mnt/over nfs rw 0 0
"""

MACOS_MOUNT_TEXT = """/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
devfs on /dev (devfs, local, nobrowse)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect)
//alice@nas.local/Projects on /Volumes/Projects (smbfs, nodev, nosuid, mounted by alice)
afp_0TQ2yW0Jp7Y0qMtOeX2Ey0mz-1.2d000005 on /Volumes/Archive (afpfs, nodev, nosuid, mounted by alice)
/dev/disk4s1 on /Volumes/Backup on Tuesday (2) (apfs, local, nodev, nosuid, journaled, noowners, mounted by alice)
not a mount line
"""

LINUX_MOUNTS = parse_proc_mounts(LINUX_MOUNTS_TEXT)
MACOS_MOUNTS = parse_macos_mount(MACOS_MOUNT_TEXT)


@dataclass(frozen=True)
class Case:
    path: str
    system: str
    expected: StorageRisk | None
    mounts: list[tuple[str, str]] | None = None
    drive_type: int | None = None
    home: str | None = None


def net(detail: str, folder: str) -> StorageRisk:
    return StorageRisk(NETWORK, detail, folder)


def cloud(detail: str, folder: str) -> StorageRisk:
    return StorageRisk(CLOUD_SYNC, detail, folder)


L, M = LINUX_MOUNTS, MACOS_MOUNTS
HOME_L, HOME_M, HOME_W = "/home/alice", "/Users/alice", "C:\\Users\\alice"
CASES: dict[str, Case] = {
    # Linux mount table
    "linux nfs4": Case("/mnt/share/espm/db.sqlite", "Linux", net("nfs4", "/mnt/share"), L),
    "linux nfs (v3)": Case("/mnt/old/db.sqlite", "Linux", net("nfs", "/mnt/old"), L),
    "linux cifs": Case("/mnt/docs/a/b/db.sqlite", "Linux", net("cifs", "/mnt/docs"), L),
    "linux sshfs": Case("/home/alice/remote/db.sqlite", "Linux", net("fuse.sshfs", "/home/alice/remote"), L),
    "linux ext4 root": Case("/srv/espm/db.sqlite", "Linux", None, L),
    "linux btrfs home": Case("/home/alice/Documents/db.sqlite", "Linux", None, L, home=HOME_L),
    "linux tmpfs": Case("/tmp/db.sqlite", "Linux", None, L),
    "linux nested local mount wins": Case("/mnt/share/local-cache/db.sqlite", "Linux", None, L),
    "linux escaped space": Case("/mnt/Team Share/db.sqlite", "Linux", net("cifs", "/mnt/Team Share"), L),
    "linux /mnt/a is not /mnt/ab": Case("/mnt/a/db.sqlite", "Linux", None, L),
    "linux /mnt/ab": Case("/mnt/ab/db.sqlite", "Linux", net("nfs4", "/mnt/ab"), L),
    "linux later mount hides earlier": Case("/mnt/over/db.sqlite", "Linux", net("nfs", "/mnt/over"), L),
    "linux case matters": Case("/MNT/share/db.sqlite", "Linux", None, L),
    "linux dot-dot normalised": Case("/srv/../mnt/share/db.sqlite", "Linux", net("nfs4", "/mnt/share"), L),
    "linux fuse cloud": Case(
        "/home/alice/OneDrive-mount/db.sqlite", "Linux", cloud("OneDrive", "/home/alice/OneDrive-mount"), L
    ),
    "linux gvfs smb": Case(
        "/run/user/1000/gvfs/smb-share:server=nas,share=docs/db.sqlite",
        "Linux",
        net("fuse.gvfsd-fuse", "/run/user/1000/gvfs"),
        L,
    ),
    "linux gvfs google drive": Case(
        "/run/user/1000/gvfs/google-drive:host=gmail.com,user=al/x/db.sqlite",
        "Linux",
        cloud("Google Drive", "/run/user/1000/gvfs/google-drive:host=gmail.com,user=al"),
        L,
    ),
    "linux other fuse is local": Case("/run/user/1000/doc/abc/db.sqlite", "Linux", None, L),
    "linux Dropbox folder": Case(
        "/home/alice/Dropbox/espm/db.sqlite", "Linux", cloud("Dropbox", "/home/alice/Dropbox"), L, home=HOME_L
    ),
    "linux ~/Sync": Case("/home/alice/Sync/db.sqlite", "Linux", cloud("Sync.com", "/home/alice/Sync"), L),
    "linux ~/MEGA": Case("/home/alice/MEGA/db.sqlite", "Linux", cloud("MEGA", "/home/alice/MEGA"), L),
    "linux custom home ~/Box": Case(
        "/data/users/al/Box/db.sqlite", "Linux", cloud("Box", "/data/users/al/Box"), L, home="/data/users/al"
    ),
    "linux no mounts, path only": Case(
        "/home/alice/Nextcloud/db.sqlite", "Linux", cloud("Nextcloud", "/home/alice/Nextcloud")
    ),
    # macOS
    "mac smbfs": Case("/Volumes/Projects/espm/db.sqlite", "Darwin", net("smbfs", "/Volumes/Projects"), M),
    "mac afpfs": Case("/Volumes/Archive/db.sqlite", "Darwin", net("afpfs", "/Volumes/Archive"), M),
    "mac apfs volume with ' on ' and parentheses": Case(
        "/Volumes/Backup on Tuesday (2)/db.sqlite", "Darwin", None, M
    ),
    "mac apfs home": Case("/Users/alice/Documents/db.sqlite", "Darwin", None, M, home=HOME_M),
    "mac volume case-insensitive": Case(
        "/volumes/projects/db.sqlite", "Darwin", net("smbfs", "/Volumes/Projects"), M
    ),
    "mac CloudStorage OneDrive": Case(
        "/Users/alice/Library/CloudStorage/OneDrive-Personal/ESPM/db.sqlite",
        "Darwin",
        cloud("OneDrive", "/Users/alice/Library/CloudStorage/OneDrive-Personal"),
        M,
        home=HOME_M,
    ),
    "mac CloudStorage Box": Case(
        "/Users/alice/Library/CloudStorage/Box-Box/db.sqlite",
        "Darwin",
        cloud("Box", "/Users/alice/Library/CloudStorage/Box-Box"),
        M,
        home=HOME_M,
    ),
    "mac CloudStorage unknown provider": Case(
        "/Users/alice/Library/CloudStorage/Tresorit-alice/db.sqlite",
        "Darwin",
        cloud("Tresorit", "/Users/alice/Library/CloudStorage/Tresorit-alice"),
        M,
    ),
    "mac iCloud Drive": Case(
        "/Users/alice/Library/Mobile Documents/com~apple~CloudDocs/ESPM/db.sqlite",
        "Darwin",
        cloud("iCloud Drive", "/Users/alice/Library/Mobile Documents/com~apple~CloudDocs"),
        M,
        home=HOME_M,
    ),
    "mac Library elsewhere is local": Case(
        "/Users/alice/Library/Application Support/ESPM/db.sqlite", "Darwin", None, M, home=HOME_M
    ),
    "mac Library rule is macOS only": Case(
        "/home/alice/Library/CloudStorage/Foo-x/db.sqlite", "Linux", None, L, home=HOME_L
    ),
    "mac Google Drive My Drive": Case(
        "/Volumes/GoogleDrive/My Drive/db.sqlite", "Darwin", cloud("Google Drive", "/Volumes/GoogleDrive"), M
    ),
    # Windows
    "win UNC": Case(
        "\\\\server\\share\\espm\\db.sqlite",
        "Windows",
        net("UNC path \\\\server\\share", "\\\\server\\share"),
    ),
    "win UNC with forward slashes": Case(
        "//server/share/db.sqlite", "Windows", net("UNC path \\\\server\\share", "\\\\server\\share")
    ),
    "win long UNC": Case(
        "\\\\?\\UNC\\server\\share\\db.sqlite",
        "Windows",
        net("UNC path \\\\server\\share", "\\\\server\\share"),
    ),
    "win mapped drive": Case("Z:\\espm\\db.sqlite", "Windows", net("network drive Z:", "Z:\\"), drive_type=4),
    "win fixed drive": Case("D:\\espm\\db.sqlite", "Windows", None, drive_type=3),
    "win OneDrive business": Case(
        "C:\\Users\\x\\OneDrive - Contoso\\db.sqlite",
        "Windows",
        cloud("OneDrive", "C:\\Users\\x\\OneDrive - Contoso"),
        drive_type=3,
    ),
    "win long local path": Case(
        "\\\\?\\C:\\Users\\x\\Dropbox (Personal)\\db.sqlite",
        "Windows",
        cloud("Dropbox", "C:\\Users\\x\\Dropbox (Personal)"),
    ),
    "win Documents": Case("C:\\Users\\x\\Documents\\db.sqlite", "Windows", None, drive_type=3, home=HOME_W),
    "win iCloudDrive": Case(
        "C:\\Users\\alice\\iCloudDrive\\db.sqlite",
        "Windows",
        cloud("iCloud Drive", "C:\\Users\\alice\\iCloudDrive"),
    ),
    "win ~\\Box (case-insensitive)": Case(
        "c:\\users\\alice\\box\\db.sqlite", "Windows", cloud("Box", "c:\\users\\alice\\box"), home=HOME_W
    ),
    "win Google Drive G:": Case(
        "G:\\My Drive\\ESPM\\db.sqlite", "Windows", cloud("Google Drive", "G:\\My Drive")
    ),
    # Look-alikes that are not sync folders
    "look-alike Boxes": Case("/home/alice/Boxes/db.sqlite", "Linux", None, L, home=HOME_L),
    "look-alike Dropboxes-old": Case("/home/alice/Dropboxes-old/db.sqlite", "Linux", None, L, home=HOME_L),
    "look-alike OneDriveTemp": Case("C:\\OneDriveTemp\\db.sqlite", "Windows", None),
    "look-alike Box deeper": Case("/home/alice/Projects/Box/db.sqlite", "Linux", None, L, home=HOME_L),
    "look-alike Sync deeper": Case("C:\\Users\\x\\Documents\\Sync\\db.sqlite", "Windows", None),
    "look-alike Sync outside home": Case("/srv/Sync/db.sqlite", "Linux", None, L),
    "look-alike Megabytes": Case("/home/alice/Megabytes/db.sqlite", "Linux", None, L, home=HOME_L),
    "look-alike file name": Case("/home/alice/Documents/Dropbox.sqlite", "Linux", None, L, home=HOME_L),
    "look-alike My Drives": Case("D:\\My Drives\\db.sqlite", "Windows", None),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_classify_location(case: Case) -> None:
    risk = classify_location(
        case.path, system=case.system, mounts=case.mounts, drive_type=case.drive_type, home=case.home
    )
    assert risk == case.expected


def test_parse_proc_mounts_undoes_escapes() -> None:
    text = "//srv/x /mnt/a\\040b\\011c\\134d cifs rw 0 0\nshort line\n"
    assert parse_proc_mounts(text) == [("/mnt/a b\tc\\d", "cifs")]


def test_parse_macos_mount() -> None:
    assert MACOS_MOUNTS == [
        ("/", "apfs"),
        ("/dev", "devfs"),
        ("/System/Volumes/Data", "apfs"),
        ("/Volumes/Projects", "smbfs"),
        ("/Volumes/Archive", "afpfs"),
        ("/Volumes/Backup on Tuesday (2)", "apfs"),
    ]


def test_detect_location_on_local_tmp_path(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    assert detect_location(db) is None
    assert not db.exists()  # the database file is never created or opened


def test_detect_location_never_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> list[tuple[str, str]]:
        raise RuntimeError("mount table unreadable")

    monkeypatch.setattr(storage_location, "read_linux_mounts", broken)
    monkeypatch.setattr(platform, "system", lambda: "Linux")
    assert detect_location(tmp_path / "db.sqlite") is None
    # With no facts the path alone still counts.
    assert detect_location(tmp_path / "Dropbox" / "db.sqlite") == cloud("Dropbox", str(tmp_path / "Dropbox"))


@pytest.mark.parametrize(
    "risk",
    [
        net("nfs4", "/mnt/share"),
        net("UNC path \\\\server\\share", "\\\\server\\share"),
        net("network drive Z:", "Z:\\"),
        cloud("OneDrive", "C:\\Users\\x\\OneDrive - Contoso"),
    ],
    ids=["mount", "unc", "drive", "cloud"],
)
def test_risk_message_in_both_languages(risk: StorageRisk) -> None:
    fr, en = risk_message(risk, "fr"), risk_message(risk, "en")
    assert fr and en and fr != en
    folder = risk.folder.rstrip("\\")  # "Z:\\" is named as "Z:"
    assert folder in fr and folder in en
    assert risk.detail in en
    assert "base de données" in fr and "database" in en
    if risk.kind == CLOUD_SYNC:
        assert risk.detail in fr
    assert risk_message(risk, "fr_CA") == fr


def test_detect_location_follows_symlinks_to_the_mount(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "nas"
    share.mkdir()
    (tmp_path / "shortcut").symlink_to(share)
    monkeypatch.setattr(platform, "system", lambda: "Linux")
    monkeypatch.setattr(storage_location, "read_linux_mounts", lambda: [("/", "ext4"), (str(share), "nfs4")])
    assert detect_location(tmp_path / "shortcut" / "db.sqlite") == net("nfs4", str(share))
