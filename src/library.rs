//! Dossiers on disk: reading a file (read-only) into a [`Document`], with errors that name the
//! file and the problem.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::document::{self, DecodeError, Document};

/// The dossier compiled into the binary, opened when no path is given.
pub const EMBEDDED: &str = include_str!("../data/leike-openai-departure-2024.md");

/// The source name of the embedded dossier.
pub const EMBEDDED_SOURCE: &str = "<embedded>";

/// Why a dossier could not be opened. Displayed as one line naming the file.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// No file at the path.
    #[error("{}: no such file", .0.display())]
    Missing(PathBuf),
    /// A directory where a file was wanted.
    #[error("{}: is a directory, not a dossier file", .0.display())]
    Directory(PathBuf),
    /// The OS refused to let us read it.
    #[error("{}: permission denied", .0.display())]
    Denied(PathBuf),
    /// Some other I/O failure.
    #[error("{}: cannot read: {}", .0.display(), .1)]
    Io(PathBuf, std::io::Error),
    /// The bytes are not a text dossier.
    #[error("{}: {}", .0.display(), .1)]
    Decode(PathBuf, DecodeError),
}

/// Opens the dossier at `path`, or the embedded one when `path` is `None`.
pub fn open(path: Option<&Path>) -> Result<Document, OpenError> {
    match path {
        None => Ok(document::load(EMBEDDED_SOURCE, EMBEDDED)),
        Some(path) => open_file(path),
    }
}

/// Reads and parses one file. The file is opened read-only and never written.
pub fn open_file(path: &Path) -> Result<Document, OpenError> {
    let owned = || path.to_path_buf();
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
    if meta.is_dir() {
        return Err(OpenError::Directory(owned()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| io_error(path, e))?;
    let text = document::decode(&bytes).map_err(|e| OpenError::Decode(owned(), e))?;
    Ok(document::load(&path.display().to_string(), text))
}

fn io_error(path: &Path, e: std::io::Error) -> OpenError {
    match e.kind() {
        std::io::ErrorKind::NotFound => OpenError::Missing(path.to_path_buf()),
        std::io::ErrorKind::PermissionDenied => OpenError::Denied(path.to_path_buf()),
        std::io::ErrorKind::IsADirectory => OpenError::Directory(path.to_path_buf()),
        _ => OpenError::Io(path.to_path_buf(), e),
    }
}
