//! The integration tests, as one binary: the real `dossier` binary run as a script or a user
//! runs it (on a pseudo-terminal where what the terminal sees matters), and the library's app
//! driven by keys and drawn to a test terminal. One binary links once and shares [`common`].

mod common;

mod app_keys;
mod cite;
mod cli_export;
mod cli_formats;
mod cli_shell;
mod fixtures;
mod hostile;
mod library;
mod library_watch;
mod load_props;
mod marks;
mod marks_app;
mod people;
mod pty_big;
mod pty_e2e;
mod pty_files;
mod pty_links;
mod pty_signals;
mod pty_theme;
mod reader;
mod reader_big;
mod render_props;
mod search;
mod snapshots;
