//! dossier: a terminal browser for research dossiers.
//!
//! A dossier is a Markdown document with a YAML front matter block. [`document`] parses one
//! into sections, a timeline and quotes; [`search`] ranks quotes for a query; the app and view
//! modules show it in a terminal; [`cli`] prints it for scripts.

pub mod app;
pub mod cli;
pub mod clipboard;
pub mod document;
pub mod formats;
#[cfg(unix)]
pub mod input;
pub mod library;
pub mod marks;
pub mod people;
pub mod plain;
pub mod search;
#[doc(hidden)]
pub mod synthetic;
pub mod tui;
pub mod view;
pub mod watch;
pub mod wrap;
