//! Paths that are not a readable dossier file: missing, a folder, a device, an oversized file,
//! a file the user may not read.

use std::process::{Command, Output};

use super::{ok, refused, refused_output, text, titles};
use crate::common::{Export, Scratch, bin};

#[test]
fn a_missing_path_is_one_line_naming_it() {
    let dir = Scratch::new();
    let path = dir.0.join("no-such-dossier.md");
    let expected = format!("dossier: {}: no such file or directory", text(&path));
    for command in [
        &["export"][..],
        &["sections"],
        &["timeline"],
        &["quotes"],
        &[],
    ] {
        let mut args = command.to_vec();
        args.push(text(&path));
        assert_eq!(refused(&args), expected, "{args:?}");
    }
    // A file where the path needs a folder.
    let file = dir.file("notes.md", "# Notes\n");
    let below = file.join("inside.md");
    assert_eq!(
        refused(&["export", text(&below)]),
        format!(
            "dossier: {}: part of the path is a file, not a folder",
            text(&below)
        )
    );
}

/// A folder is a library now (`dossier DIR`), so a directory where a file was expected opens
/// as one: an empty folder, even one named like a file, is one clear error; a folder named
/// like a file that holds dossiers opens them. The library API still refuses a directory
/// where it wants a file (an app reopening a document that became a folder).
#[test]
fn a_directory_opens_as_a_library_or_says_it_holds_no_dossier() {
    let dir = Scratch::new();
    let empty = dir.0.join("empty");
    std::fs::create_dir(&empty).unwrap();
    let expected = format!(
        "dossier: {}: no dossiers here (.md, .markdown, or .txt with front matter)",
        text(&empty)
    );
    assert_eq!(refused(&["export", text(&empty)]), expected);
    assert_eq!(refused(&["sections", text(&empty)]), expected);
    let slash = format!("{}/", text(&empty));
    assert!(
        refused(&["export", &slash])
            .ends_with("no dossiers here (.md, .markdown, or .txt with front matter)")
    );

    let named_like_a_file = dir.0.join("report.md");
    std::fs::create_dir(&named_like_a_file).unwrap();
    assert!(refused(&["export", text(&named_like_a_file)]).contains("no dossiers here"));
    std::fs::write(named_like_a_file.join("a.md"), "# Inside\n").unwrap();
    let (out, err) = ok(&["export", text(&named_like_a_file)]);
    assert_eq!(err, "");
    let docs: Vec<Export> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(titles(&docs[0]), ["Inside"]);

    let err = dossier::library::open_file(&empty).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}: is a directory, not a dossier file", text(&empty))
    );
}

/// Devices are refused unread: `/dev/zero` never ends, `/dev/tty` would wait for typing.
/// A file over the size limit is refused before it is read (a sparse file: no disk used).
#[cfg(unix)]
#[test]
fn devices_and_oversized_files_are_refused_unread() {
    assert_eq!(
        refused(&["export", "/dev/zero"]),
        "dossier: /dev/zero: is a device, not a dossier file"
    );
    let dir = Scratch::new();
    let huge = dir.0.join("huge.md");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(dossier::library::MAX_BYTES + 1).unwrap();
    drop(file);
    assert_eq!(
        refused(&["export", text(&huge)]),
        format!(
            "dossier: {}: is larger than 256 MiB, too large to open",
            text(&huge)
        )
    );
}

/// Whether this process is root, which reads any file whatever its mode: a new file's owner
/// is the creating process's user.
#[cfg(unix)]
fn running_as_root(dir: &Scratch) -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = dir.file("whoami", "");
    std::fs::metadata(probe).unwrap().uid() == 0
}

/// `dossier ARGS` as an unprivileged user when this test runs as root (as CI does): root
/// reads a mode-000 file, so only another user can show the refusal honestly.
#[cfg(unix)]
fn unprivileged(args: &[&str], as_root: bool) -> std::io::Result<Output> {
    use std::os::unix::process::CommandExt;
    let mut cmd: Command = bin();
    cmd.args(args);
    if as_root {
        cmd.uid(65534).gid(65534); // nobody
    }
    cmd.output()
}

#[cfg(unix)]
#[test]
fn permission_denied_names_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Scratch::new();
    let as_root = running_as_root(&dir);
    std::fs::set_permissions(&dir.0, std::fs::Permissions::from_mode(0o755)).unwrap();
    let readable = dir.file("readable.md", "# Readable\n");
    std::fs::set_permissions(&readable, std::fs::Permissions::from_mode(0o644)).unwrap();
    // The unprivileged user must be able to run dossier and read a readable file here;
    // where it can't (a checkout under a private home), the refusal can't be shown honestly.
    match unprivileged(&["sections", text(&readable)], as_root) {
        Ok(out) if out.status.success() => {}
        other => {
            eprintln!(
                "SKIPPED permission_denied_names_the_file: running as root, and user nobody \
                 cannot run dossier on a readable file here ({other:?})"
            );
            return;
        }
    }
    let locked = dir.file("locked.md", "# Secret\n");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = unprivileged(&["export", text(&locked)], as_root).unwrap();
    assert_eq!(
        refused_output(out, &["export"]),
        format!("dossier: {}: permission denied", text(&locked))
    );

    // In a library, an unreadable folder is reported and the rest still opens.
    let library = dir.0.join("library");
    std::fs::create_dir(&library).unwrap();
    std::fs::set_permissions(&library, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(library.join("open.md"), "# Open\n").unwrap();
    std::fs::set_permissions(
        library.join("open.md"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let closed = library.join("closed");
    std::fs::create_dir(&closed).unwrap();
    std::fs::write(closed.join("hidden.md"), "# Hidden\n").unwrap();
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = unprivileged(&["sections", text(&library)], as_root).unwrap();
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(1), "a problem makes the run fail");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("# Open"), "{stdout}");
    assert!(!stdout.contains("Hidden"), "{stdout}");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("dossier: {}: permission denied\n", text(&closed))
    );
}
