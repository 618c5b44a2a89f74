//! Writes a synthetic library for scale measurements:
//! `cargo run --release --example gen_library -- DIR N` (10,000 dossiers ≈ 150 MB).

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n)) = (args.next(), args.next().and_then(|n| n.parse().ok())) else {
        eprintln!("usage: gen_library DIR N");
        std::process::exit(2);
    };
    match dossier::synthetic::write_library(std::path::Path::new(&dir), n) {
        Ok(bytes) => println!("{n} dossiers, {bytes} bytes in {dir}"),
        Err(e) => {
            eprintln!("gen_library: {dir}: {e}");
            std::process::exit(1);
        }
    }
}
