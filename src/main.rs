//! The `dossier` binary: parse arguments, open the dossier, run a subcommand or the app, and
//! turn failures into one line on stderr and an exit code.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use dossier::cli::{self, Cli};
use dossier::{library, plain};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("dossier: {message}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: &Cli) -> Result<(), String> {
    let path = match &cli.command {
        Some(command) => command.path(),
        None => cli.path.as_deref(),
    };
    let doc = library::open(path).map_err(|e| e.to_string())?;
    let stdout = std::io::stdout();
    let result = match &cli.command {
        Some(command) => {
            let mut out = std::io::BufWriter::new(stdout.lock());
            cli::run(command, &doc, &mut out).and_then(|()| out.flush())
        }
        None if !stdout.is_terminal() => {
            let mut out = stdout.lock();
            out.write_all(plain::render(&doc).as_bytes())
                .and_then(|()| out.flush())
        }
        None => return dossier::tui::run(doc).map_err(|e| e.to_string()),
    };
    match result {
        // A reader that stops early (`dossier export | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| format!("cannot write output: {e}")),
    }
}
