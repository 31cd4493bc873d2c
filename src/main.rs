//! `debrief`: parse the arguments, run, map the error to an exit code (0 done, 1 input
//! problem, 2 usage).

use clap::Parser;

fn main() {
    debrief::memory::setup();
    let cli = match debrief::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with exit 0, usage errors with exit 2.
            let _ = e.print();
            std::process::exit(if e.use_stderr() { 2 } else { 0 });
        }
    };
    if let Err(e) = debrief::app::run(cli) {
        debrief::progress::done();
        eprintln!("{}", e.chain());
        std::process::exit(e.exit_code());
    }
}
